using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkCenter.Testing;
using NetworkCenter.Web.Hosting;
using NetworkCenter.Workflows.Calendar;
using NetworkCenter.Workflows.Persistence;
using Npgsql;

namespace NetworkCenter.Workflows.Tests.Calendar;

/// <summary>A migrated database (seeded holiday table) and the calendar's services over it, without the web host.</summary>
public sealed class CalendarDatabase : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresTestCluster.CreateDatabaseAsync(nameof(CalendarDatabase) + "Holidays");
        DatabaseMigrator.Migrate(ConnectionString, MigrationAssemblies.All, NullLogger.Instance);
    }

    /// <summary>A fresh service provider (its own cache) with the given <c>Calendar</c> settings.</summary>
    public IServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("Calendar:" + s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(NpgsqlDataSource.Create(ConnectionString))
            .AddLegalCalendar(configuration)
            .BuildServiceProvider();
        _providers.Add(services);
        return services;
    }

    public ILegalCalendar Calendar(bool makeUpDaysAreWorkingDays = true) =>
        Services(("MakeUpDaysAreWorkingDays", makeUpDaysAreWorkingDays ? "true" : "false")).GetRequiredService<ILegalCalendar>();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }
}
