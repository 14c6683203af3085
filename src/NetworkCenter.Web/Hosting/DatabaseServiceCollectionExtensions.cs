using Npgsql;

namespace NetworkCenter.Web.Hosting;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>The database holder and one <see cref="NpgsqlDataSource"/> over it, opened only after start-up settled it.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton<NetworkCenterDatabase>();
        builder.Services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<NetworkCenterDatabase>().ConnectionString));
        return builder;
    }
}
