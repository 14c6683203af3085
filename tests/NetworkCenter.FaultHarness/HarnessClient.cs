using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace NetworkCenter.FaultHarness;

/// <summary>
/// The administrator's REST client for one service process. Calls that meet a dead or starting process (connection
/// refused, reset, 503, a lost session) are tried again until the deadline; what a retried call means when its
/// first try may have taken effect is the caller's to settle from the database.
/// </summary>
internal sealed class HarnessClient(ServiceProcess service, DateTimeOffset deadline) : IDisposable
{
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private HttpClient _http = NewHttp(service);
    private volatile bool _signedIn;

    public ServiceProcess Service => service;

    public async Task DeployAsync(string xml)
    {
        var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/definitions")
        {
            Content = new StringContent(xml, Encoding.UTF8, "application/xml"),
        });
        await EnsureAsync(response, "deploy");
    }

    public async Task CreateOfficeAsync(string name, string email)
    {
        var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/network/offices")
        {
            Content = JsonContent.Create(new { kind = "liaison-office", name, hostUnitKind = "other", hostUnit = name, contactPerson = "联络员", phone = "0391-7210000", email }),
        });
        await EnsureAsync(response, "create office");
    }

    /// <summary>One try to start an instance: the answer, or null when the process did not answer.</summary>
    public async Task<HttpStatusCode?> TryStartAsync(string key, string businessKey, object variables) =>
        await TryOnceAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/instances")
        {
            Content = JsonContent.Create(new { definitionKey = key, businessKey, variables }),
        });

    /// <summary>One try to complete a task: 204, 409, another status, or null when the process did not answer.</summary>
    public async Task<HttpStatusCode?> TryCompleteAsync(Guid taskId) =>
        await TryOnceAsync(() => new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete")
        {
            Content = JsonContent.Create(new { variables = new { } }),
        });

    public void Dispose()
    {
        _http.Dispose();
        _signIn.Dispose();
    }

    private async Task<HttpStatusCode?> TryOnceAsync(Func<HttpRequestMessage> request)
    {
        try
        {
            await SignInAsync();
            using var response = await _http.SendAsync(request());
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                _signedIn = false;
            }
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request)
    {
        while (true)
        {
            try
            {
                await SignInAsync();
                var response = await _http.SendAsync(request());
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    _signedIn = false;
                }
                else if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return response;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{service.Name} did not answer before the harness deadline");
            }
            await Task.Delay(250);
        }
    }

    private async Task SignInAsync()
    {
        if (_signedIn)
        {
            return;
        }
        await _signIn.WaitAsync();
        try
        {
            if (_signedIn)
            {
                return;
            }
            // A fresh cookie jar: the session of a killed process may not be valid in the next one. The old client is
            // left to the collector, since another caller may still be sending through it.
            var http = NewHttp(service);
            var response = await http.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = ServiceProcess.Password });
            response.EnsureSuccessStatusCode();
            _http = http;
            _signedIn = true;
        }
        finally
        {
            _signIn.Release();
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} failed ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static HttpClient NewHttp(ServiceProcess service) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 32, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = service.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
}
