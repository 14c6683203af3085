namespace NetworkCenter.Supervision.Seeding;

/// <summary>
/// Data put in the database at start-up, after the migrations, in <see cref="Order"/>. Demo seeds run only in
/// Development with <c>Seed:Demo</c> on (the default there); each seed decides itself whether its data is already there.
/// </summary>
public interface IStartupSeed
{
    int Order { get; }

    bool IsDemo { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
