using FsCheck.Fluent;
using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Model.Parsing;
using NetworkCenter.Workflows.Tests.Deployment;

namespace NetworkCenter.Workflows.Tests.Model;

/// <summary>
/// Parsing and validating hostile and random files over and over leaves nothing behind: managed memory after a full
/// collection stays within a bound once the caches (the evaluator's prepared scripts) are warm.
/// </summary>
public sealed class ParserMemoryFacts
{
    private const long Bound = 40 * 1024 * 1024;

    [Fact]
    public void ParseAndValidate_InALoop_DoesNotGrowManagedMemory()
    {
        var corpus = HostileDefinitionFacts.CorpusNames.Select(n => BpmnText.Decode(HostileDefinitionFacts.Corpus(n)).Text ?? "")
            .Where(t => t.Length < 1_000_000).ToList();
        var random = ParserFuzzProperties.Mutated().Sample(600).ToList();
        var evaluator = new JintExpressionEvaluator();
        var scripts = FsCheck.Fluent.ArbMap.Default.GeneratorFor<string>().Sample(3000).Where(s => s is not null).ToList();

        void Round(int round)
        {
            foreach (var xml in corpus)
            {
                Assert.NotNull(BpmnFixture.LoadXml(xml));
            }
            foreach (var xml in random.Skip(round * 150 % 600).Take(150))
            {
                Assert.NotNull(BpmnFixture.LoadXml(xml));
            }
            foreach (var script in scripts.Skip(round * 1000 % 3000).Take(1000))
            {
                _ = evaluator.CheckScript(script);
                _ = evaluator.CheckExpression("${" + script + "}");
            }
        }

        for (var round = 0; round < 3; round++)
        {
            Round(round);
        }
        var warm = Collected();
        for (var round = 3; round < 20; round++)
        {
            Round(round);
        }
        var after = Collected();

        Assert.True(after - warm < Bound, $"managed memory grew from {warm:N0} to {after:N0} bytes");
    }

    private static long Collected()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
