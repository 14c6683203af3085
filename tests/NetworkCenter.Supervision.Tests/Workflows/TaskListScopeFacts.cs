using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Workflows;

/// <summary>The task list through the API: staff see the queues they ask for; a liaison only what is assigned to them.</summary>
public sealed class TaskListScopeFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private const string Definition = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="scope" targetNamespace="http://networkcenter/tests">
          <bpmn:process id="task-scope" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="triage" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="opinion" />
            <bpmn:userTask id="triage" name="Triage" camunda:candidateGroups="clue-administrator" />
            <bpmn:userTask id="opinion" name="Opinion" camunda:assignee="${liaison}" />
            <bpmn:sequenceFlow id="f4" sourceRef="triage" targetRef="join" />
            <bpmn:sequenceFlow id="f5" sourceRef="opinion" targetRef="join" />
            <bpmn:parallelGateway id="join" />
            <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Liaison_ListsOnlyTasksAssignedToThem_WhateverQueueTheyAskFor()
    {
        var (liaison, account) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        using var _ = liaison;
        using var admin = await app.SignedInClientAsync();
        (await admin.PostAsync("/api/definitions", new StringContent(Definition, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "task-scope", variables = new { liaison = account.Username } });
        started.EnsureSuccessStatusCode();

        var staffQueue = await admin.GetFromJsonAsync<JsonArray>("/api/tasks?candidateGroup=clue-administrator");
        var asked = await liaison.GetFromJsonAsync<JsonArray>("/api/tasks?candidateGroup=clue-administrator");
        var own = await liaison.GetFromJsonAsync<JsonArray>("/api/tasks");

        Assert.Contains(staffQueue!, t => (string?)t!["elementId"] == "triage");
        var only = Assert.Single(own!);
        Assert.Equal("opinion", (string?)only!["elementId"]);
        Assert.Equal(account.Username, (string?)only["assignee"]);
        Assert.All(asked!, t => Assert.Equal("opinion", (string?)t!["elementId"]));
    }
}
