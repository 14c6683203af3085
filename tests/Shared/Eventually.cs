namespace NetworkCenter.Testing;

/// <summary>
/// Waits for work that another thread does (a Hangfire worker, the SMTP sink) by polling a condition, never by
/// sleeping a fixed time: it returns as soon as the condition holds and fails with the description when it never does.
/// </summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, string description, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await probe();
            if (value is not null && value is not false)
            {
                return value;
            }
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {description}");
            }
            await Task.Delay(50);
        }
    }

    public static Task HoldsAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null) =>
        ReturnsAsync<object>(async () => await condition() ? true : null, description, timeout);
}
