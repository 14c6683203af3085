// Hides the Camunda 7 properties the project's engine does not execute (listeners, async continuations, job and
// history settings, connectors, input/output mappings, generated forms), so the panel offers only what a deployed
// procedure will honour.
// Runs after the Camunda provider: providers registered with a lower priority see the groups it added.
const hiddenGroups = new Set([
  'CamundaPlatform__AsynchronousContinuations',
  'CamundaPlatform__CandidateStarter',
  'CamundaPlatform__ConnectorInput',
  'CamundaPlatform__ConnectorOutput',
  'CamundaPlatform__ExecutionListener',
  'CamundaPlatform__ExternalTask',
  'CamundaPlatform__FieldInjection',
  'CamundaPlatform__FormData',
  'CamundaPlatform__HistoryCleanup',
  'CamundaPlatform__Input',
  'CamundaPlatform__JobExecution',
  'CamundaPlatform__Output',
  'CamundaPlatform__TaskListener',
  'CamundaPlatform__Tasklist'
]);

function EngineSubsetProvider(propertiesPanel) {
  propertiesPanel.registerProvider(1, this);
}

EngineSubsetProvider.$inject = [ 'propertiesPanel' ];

EngineSubsetProvider.prototype.getGroups = function() {
  return groups => groups.filter(group => !hiddenGroups.has(group.id));
};

export const engineSubsetModule = {
  __init__: [ 'engineSubsetProvider' ],
  engineSubsetProvider: [ 'type', EngineSubsetProvider ]
};
