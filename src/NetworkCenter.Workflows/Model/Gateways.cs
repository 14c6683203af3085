namespace NetworkCenter.Workflows.Model;

public abstract record Gateway : FlowNode
{
    /// <summary>The <c>default</c> attribute (exclusive and inclusive gateways).</summary>
    public string? DefaultFlowId { get; init; }
}

/// <summary>Takes the first outgoing flow whose condition holds, in document order, else the default flow.</summary>
public sealed record ExclusiveGateway : Gateway
{
    public override string Kind => "exclusiveGateway";
}

public sealed record ParallelGateway : Gateway
{
    public override string Kind => "parallelGateway";
}

public sealed record InclusiveGateway : Gateway
{
    public override string Kind => "inclusiveGateway";
}

/// <summary>Waits on the catch events its outgoing flows lead to; the first to fire wins.</summary>
public sealed record EventBasedGateway : Gateway
{
    public override string Kind => "eventBasedGateway";
}
