using System.Collections.Concurrent;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Workflows.Tests.Support;

/// <summary>What the test handlers were asked to do, and how many times the flaky one should still fail.</summary>
public sealed class TestHandlerLog
{
    public ConcurrentQueue<ServiceTaskContext> Calls { get; } = new();

    public int FailuresLeft;
}

/// <summary>Topic <c>echo</c>: sets <c>echoed</c> to the <c>input</c> variable.</summary>
internal sealed class EchoHandler(TestHandlerLog log) : IServiceTaskHandler
{
    public string Topic => "echo";

    public Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        log.Calls.Enqueue(context);
        return Task.FromResult(new ServiceTaskResult(new Dictionary<string, object?> { ["echoed"] = context.GetString("input") ?? "done" }));
    }
}

/// <summary>Topic <c>flaky</c>: throws while <see cref="TestHandlerLog.FailuresLeft"/> is positive.</summary>
internal sealed class FlakyHandler(TestHandlerLog log) : IServiceTaskHandler
{
    public string Topic => "flaky";

    public Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        log.Calls.Enqueue(context);
        if (Interlocked.Decrement(ref log.FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("The remote system is down.");
        }
        return Task.FromResult(new ServiceTaskResult(new Dictionary<string, object?> { ["flakyDone"] = true }));
    }
}

/// <summary>Topic <c>reject</c>: a business error with code <c>REJECTED</c>.</summary>
internal sealed class RejectingHandler(TestHandlerLog log) : IServiceTaskHandler
{
    public string Topic => "reject";

    public Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        log.Calls.Enqueue(context);
        throw new BpmnErrorException("REJECTED");
    }
}
