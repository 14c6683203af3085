using System.Net.Http.Json;
using NetworkCenter.Supervision.Accounts;

namespace NetworkCenter.Testing;

/// <summary>An account made for a test; <see cref="StaffId"/> or <see cref="LiaisonId"/> says which kind of person it is.</summary>
public sealed record TestAccount(string Role, string Username, string Password, long AccountId, long? StaffId, long? LiaisonId);

/// <summary>Accounts of any role, made through the API as <c>admin</c>, the way an administrator would.</summary>
public static class TestAccounts
{
    private static int _counter;

    /// <summary>
    /// A new account holding <paramref name="role"/>: a staff member for a staff role, a liaison (with no office) for
    /// <see cref="Roles.Liaison"/>. The username is unique in the test run unless given; the account's language (which
    /// the server's messages follow) is zh-CN unless given.
    /// </summary>
    public static async Task<TestAccount> CreateAccountAsync(this NetworkCenterApp app, string role, string? username = null, string? language = null)
    {
        username ??= $"{role}-{Interlocked.Increment(ref _counter)}";
        var password = $"pw-{username}-secret";
        using var admin = await app.SignedInClientAsync();
        if (role == Roles.Liaison)
        {
            var response = await admin.PostAsJsonAsync("/api/network/liaisons", new
            {
                name = $"联络员 {username}",
                unit = "测试单位",
                language,
                account = new { username, password },
            });
            await EnsureSuccessAsync(response);
            var liaison = (await response.Content.ReadFromJsonAsync<CreatedLiaison>())!;
            return new TestAccount(role, username, password, liaison.AccountId!.Value, null, liaison.Id);
        }
        else
        {
            var response = await admin.PostAsJsonAsync("/api/network/staff", new
            {
                name = $"干警 {username}",
                roles = new[] { role },
                language,
                username,
                password,
            });
            await EnsureSuccessAsync(response);
            var staff = (await response.Content.ReadFromJsonAsync<CreatedStaff>())!;
            return new TestAccount(role, username, password, staff.AccountId, staff.Id, null);
        }
    }

    /// <summary>A client signed in as a new account holding <paramref name="role"/>.</summary>
    public static async Task<(HttpClient Client, TestAccount Account)> SignedInClientForRoleAsync(this NetworkCenterApp app, string role, string? language = null)
    {
        var account = await app.CreateAccountAsync(role, language: language);
        return (await app.SignedInClientAsync(account.Username, account.Password), account);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Creating a test account failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record CreatedLiaison(long Id, long? AccountId);

    private sealed record CreatedStaff(long Id, long AccountId);
}
