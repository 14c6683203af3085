using System.Collections.Concurrent;

namespace NetworkCenter.FaultHarness;

/// <summary>What a run found: violations (the harness exits non-zero on any) and figures for RELIABILITY.md.</summary>
internal sealed class Findings
{
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<string> _figures = new();

    public IReadOnlyList<string> Violations => [.. _violations];

    public IReadOnlyList<string> Figures => [.. _figures];

    public void Violation(string what)
    {
        _violations.Enqueue(what);
        Console.Error.WriteLine($"VIOLATION: {what}");
    }

    public void Figure(string what)
    {
        _figures.Enqueue(what);
        Console.WriteLine(what);
    }
}
