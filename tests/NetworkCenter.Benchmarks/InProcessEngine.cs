using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using NetworkCenter.Workflows;
using NetworkCenter.Workflows.Calendar;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Tasks;
using Npgsql;

namespace NetworkCenter.Benchmarks;

/// <summary>
/// The engine alone in this process, on the service's database: the same <see cref="TaskCommands"/> the task API calls,
/// with a data source set up as the service's (auto-prepare, no reset on close), no HTTP, no session check. Timers a day
/// away are past the hand-over horizon, so a completion hands nothing to Hangfire; the client is there for the engine's
/// wiring only, and no Hangfire server runs here.
/// </summary>
internal sealed class InProcessEngine : IAsyncDisposable
{
    private static readonly Actor Administrator = new("admin", new HashSet<string>([Actor.AdministratorGroup], StringComparer.Ordinal));
    private readonly ServiceProvider _services;
    private readonly TaskCommands _tasks;

    private InProcessEngine(ServiceProvider services)
    {
        _services = services;
        _tasks = services.GetRequiredService<TaskCommands>();
    }

    public static InProcessEngine Create(string connectionString)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "NetworkCenter.Benchmarks",
            ContentRootPath = AppContext.BaseDirectory,
            ContentRootFileProvider = new NullFileProvider(),
        });
        services.AddSingleton(_ =>
        {
            var connection = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 100, NoResetOnClose = true };
            return NpgsqlDataSource.Create(connection);
        });
        services.AddSingleton<IBackgroundJobClient>(_ => new BackgroundJobClient(new PostgreSqlStorage(
            new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false })));
        services.AddLegalCalendar(configuration);
        services.AddWorkflowEngine(configuration);
        return new InProcessEngine(services.BuildServiceProvider());
    }

    /// <summary>Completes the task as the administrator and returns the task the completion opened.</summary>
    public async Task<Guid> CompleteToNextAsync(Guid taskId) =>
        (await _tasks.CompleteAsync(taskId, variables: null, Administrator, CancellationToken.None))[0].Id;

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
