// The bpmn-js Modeler as the designer uses it: Camunda 7 properties (the engine's extension attributes),
// bpmnlint feedback from the bundled .bpmnlintrc, and token simulation behind its toggle.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';

import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import LintModule from 'bpmn-js-bpmnlint';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import lintConfig from '../../.bpmnlintrc';
import { engineSubsetModule } from './engineSubset.js';
import { translateModule } from './translate.js';

export function createModeler({ canvas, properties }) {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: properties },
    linting: { bpmnlint: lintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      LintModule,
      TokenSimulationModule,
      engineSubsetModule,
      translateModule
    ],
    moddleExtensions: { camunda: camundaModdle }
  });
}

/** A new procedure: one start event, ready for the palette. The process id doubles as the definition key. */
export function blankDiagram() {
  const id = `Process_${Math.random().toString(36).slice(2, 9)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="Definitions_${id}" targetNamespace="http://networkcenter.local/bpmn">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${id}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

/** The key the engine will deploy the diagram under: the (first executable) process's id. */
export function processKey(modeler) {
  const definitions = modeler.getDefinitions();
  const processes = (definitions?.rootElements || []).filter(e => e.$type === 'bpmn:Process');
  return (processes.find(p => p.isExecutable) || processes[0])?.id || null;
}
