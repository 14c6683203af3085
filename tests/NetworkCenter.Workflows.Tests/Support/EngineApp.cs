using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Workflows.Tests.Support;

/// <summary>
/// The host with the manual clock, an empty workflows folder (tests deploy their own fixtures) and the test
/// service-task handlers; one database per test class.
/// </summary>
public class EngineApp : NetworkCenterApp
{
    // An empty folder beside the tests: nothing of the repository's workflows is deployed unless a test asks.
    private readonly string _workflows = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "no-workflows")).FullName;

    public TestHandlerLog Handlers { get; } = new();

    protected virtual string WorkflowsDirectory => _workflows;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Workflows:Directory", WorkflowsDirectory);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Handlers);
            services.AddScoped<IServiceTaskHandler, EchoHandler>();
            services.AddScoped<IServiceTaskHandler, FlakyHandler>();
            services.AddScoped<IServiceTaskHandler, RejectingHandler>();
        });
    }
}
