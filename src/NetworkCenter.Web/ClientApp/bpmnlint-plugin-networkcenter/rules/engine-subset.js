// Flags elements, event triggers and Camunda extensions outside the engine's documented subset (DESIGN.md).
const unsupportedNodes = {
  'bpmn:ReceiveTask': 'receiveTask is not supported; use an intermediate message catch event',
  'bpmn:BusinessRuleTask': 'businessRuleTask is not supported (there is no DMN engine)',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent is not supported; use a send task',
  'bpmn:ComplexGateway': 'complexGateway is not supported',
  'bpmn:AdHocSubProcess': 'adHocSubProcess is not supported',
  'bpmn:Transaction': 'transaction sub-processes are not supported'
};

const allowedTriggers = {
  'bpmn:StartEvent': [ 'none', 'timer', 'message' ],
  'bpmn:EndEvent': [ 'none', 'terminate', 'message' ],
  'bpmn:IntermediateCatchEvent': [ 'timer', 'message' ],
  'bpmn:BoundaryEvent': [ 'timer', 'message', 'error' ]
};

const unsupportedExtensions = {
  'camunda:ExecutionListener': 'listeners are not supported',
  'camunda:TaskListener': 'listeners are not supported',
  'camunda:InputOutput': 'input/output mappings (camunda:inputOutput) are not supported',
  'camunda:Connector': 'connectors are not supported; use camunda:type="external" with camunda:topic'
};

function triggerName(definition) {
  return definition.$type.replace(/^bpmn:/, '').replace(/EventDefinition$/, '').toLowerCase();
}

module.exports = function() {
  function check(node, reporter) {
    const type = node.$type;
    if (unsupportedNodes[type]) {
      reporter.report(node.id, unsupportedNodes[type]);
      return;
    }
    if (type === 'bpmn:SubProcess' && node.triggeredByEvent) {
      reporter.report(node.id, 'event sub-processes (triggeredByEvent) are not supported');
    }
    if (type === 'bpmn:EventBasedGateway' && node.instantiate) {
      reporter.report(node.id, 'an instantiating eventBasedGateway is not supported');
    }
    const allowed = allowedTriggers[type];
    if (allowed) {
      const definitions = node.eventDefinitions || [];
      if (definitions.length > 1) {
        reporter.report(node.id, 'several event definitions (a multiple event) are not supported');
      } else {
        const trigger = definitions.length ? triggerName(definitions[0]) : 'none';
        if (!allowed.includes(trigger)) {
          reporter.report(node.id, `a ${trigger} trigger is not supported here (supported: ${allowed.join(', ')})`);
        }
      }
    }
    for (const extension of node.extensionElements?.values || []) {
      if (unsupportedExtensions[extension.$type]) {
        reporter.report(node.id, `${extension.$type}: ${unsupportedExtensions[extension.$type]}`);
      }
    }
  }

  return { check };
};
