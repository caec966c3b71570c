package id.sopan.documents;

import id.sopan.catalog.CatalogFiles;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every catalog SOP exported as BPMN deploys into Flowable 7.2 and runs one instance to its end. */
class BpmnExportTest {

    static ProcessEngine flowable;

    @BeforeAll
    static void engine() {
        flowable = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:flowable;DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setAsyncExecutorActivate(false)
                .buildProcessEngine();
    }

    @AfterAll
    static void close() {
        flowable.close();
    }

    static List<SopDefinition> catalog() {
        return CatalogFiles.loadBundled().offices().get(0).sops();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void deploysAndRunsInFlowable(SopDefinition sop) throws Exception {
        String xml = BpmnExport.write(sop);
        Document doc = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        String bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        assertThat(doc.getElementsByTagNameNS(bpmn, "lane").getLength()).isEqualTo(sop.actors().size());
        long decisions = sop.steps().stream().filter(Step::isDecision).count();
        assertThat(doc.getElementsByTagNameNS(bpmn, "exclusiveGateway").getLength()).isEqualTo((int) decisions);
        int userTasks = sop.steps().stream().mapToInt(s -> s.actors().size()).sum();
        assertThat(doc.getElementsByTagNameNS(bpmn, "userTask").getLength()).isEqualTo(userTasks);
        assertThat(doc.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/DI", "BPMNShape").getLength())
                .isGreaterThan(userTasks);
        assertThat(xml).contains("Kelengkapan:", "Waktu:", "Output:");

        Deployment deployment = flowable.getRepositoryService().createDeployment()
                .addString(sop.code() + ".bpmn20.xml", xml).deploy();
        String key = "sop_" + sop.code().replace('-', '_');
        ProcessInstance instance = flowable.getRuntimeService().startProcessInstanceByKey(key);
        Set<String> completed = new HashSet<>();
        for (int guard = 0; guard < 200; guard++) {
            List<Task> tasks = flowable.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
            if (tasks.isEmpty()) {
                break;
            }
            for (Task task : tasks) {
                completed.add(task.getTaskDefinitionKey());
                flowable.getTaskService().complete(task.getId(), Map.of("sesuai", true));
            }
        }
        assertThat(flowable.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                .as("the instance ended").isZero();
        assertThat(completed).hasSize(userTasks);
        flowable.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
}
