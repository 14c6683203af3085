using Microsoft.AspNetCore.Hosting;

namespace NetworkCenter.Testing;

/// <summary>The app with the Development demo seed on (<c>Seed:Demo=true</c>), for tests of the demo data itself.</summary>
public class DemoNetworkApp : NetworkCenterApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Demo", "true");
    }
}
