using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkCenter.Supervision.Seeding;

namespace NetworkCenter.Supervision.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>Sign-in, passwords and the built-in administrator, with <see cref="AccountOptions"/> bound to <c>Accounts:*</c>.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, AdministratorPassword administratorPassword)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section))
            .Validate(o => o.MaxFailedSignIns >= 1, "Accounts:MaxFailedSignIns must be at least 1.")
            .Validate(o => o.LockoutPeriod > TimeSpan.Zero, "Accounts:LockoutPeriod must be positive.")
            .Validate(o => o.MinPasswordLength is >= 8 and <= 128, "Accounts:MinPasswordLength must be from 8 to 128.")
            .ValidateOnStart();
        services.TryAddSingleton(administratorPassword);
        services.TryAddSingleton<Passwords>();
        services.TryAddSingleton<SignIn>();
        services.TryAddSingleton<ChangePassword>();
        services.TryAddSingleton<ManageAccount>();
        services.TryAddSingleton<FindSession>();
        services.TryAddSingleton<Audit.FindAuditEntries>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupSeed, AdministratorSeed>());
        return services;
    }
}
