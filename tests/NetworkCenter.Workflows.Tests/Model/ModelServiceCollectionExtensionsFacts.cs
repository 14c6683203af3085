using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Model.Validation;

namespace NetworkCenter.Workflows.Tests.Model;

public sealed class ModelServiceCollectionExtensionsFacts
{
    [Fact]
    public void AddWorkflowDefinitions_ResolvesValidatorAndEvaluator_WithLimitsFromConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Expressions:Timeout"] = "00:00:00.300" })
            .Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddWorkflowDefinitions().BuildServiceProvider();

        var validator = provider.GetRequiredService<DefinitionValidator>();
        var evaluator = provider.GetRequiredService<IExpressionEvaluator>();

        Assert.True(validator.ParseAndValidate(BpmnFixture.Read("Parsing/user-task.bpmn"), BpmnFixture.KnownTopics).IsValid);
        var error = Assert.Throws<ExpressionException>(() => evaluator.RunScript("while (true) {}", new Dictionary<string, object?>()));
        Assert.Contains("0.3 s", error.Message, StringComparison.Ordinal);
    }
}
