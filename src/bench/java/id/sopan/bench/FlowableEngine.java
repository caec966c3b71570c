package id.sopan.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.sopan.documents.BpmnExport;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.idm.api.Group;
import org.flowable.idm.api.User;
import org.flowable.task.api.Task;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flowable 7.2 on the BPMN that Sopan exports for the same SOP ({@link BpmnExport}), with each user task given its
 * candidates (the jabatan as a candidate group, the pemohon as a candidate user) and its users and groups in
 * Flowable's own identity tables. A fair setup: its own pool of the same size, no async executor (the process has
 * no async parts), history level {@code audit} (Flowable's default: process, activity and task instances and
 * variables, the closest to Sopan's history of every state change).
 */
final class FlowableEngine implements BenchEngine<String, String> {

    static final String FLOWABLE_NS = "http://flowable.org/bpmn";

    private final HikariDataSource pool;
    private final CountingDataSource counting;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final String processKey;

    FlowableEngine(CutiWorkload workload, BenchDatabase db, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName("flowable");
        this.pool = new HikariDataSource(config);
        this.counting = new CountingDataSource(pool);
        this.engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setEngineName("sopan-bench-" + db.url().hashCode()) // not "default": other engines may share the JVM
                .setDataSource(counting)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setAsyncExecutorActivate(false)
                .setHistoryLevel(HistoryLevel.AUDIT)
                .buildProcessEngine();
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.processKey = "sop_" + workload.sop.code().replace('-', '_');
        identities(workload);
        engine.getRepositoryService().createDeployment()
                .addString(workload.sop.code() + ".bpmn20.xml", withCandidates(BpmnExport.write(workload.sop), workload))
                .deploy();
    }

    /** The workload's users and their jabatan as Flowable users, groups and memberships. */
    private void identities(CutiWorkload workload) {
        IdentityService idm = engine.getIdentityService();
        Map<String, Set<String>> groupsOfUser = new LinkedHashMap<>();
        for (CutiWorkload.Step step : workload.steps) {
            groupsOfUser.computeIfAbsent(step.user(), u -> new TreeSet<>()).addAll(step.userGroups());
        }
        Set<String> created = new TreeSet<>();
        for (Map.Entry<String, Set<String>> e : groupsOfUser.entrySet()) {
            User user = idm.newUser(e.getKey());
            user.setDisplayName(e.getKey());
            idm.saveUser(user);
            for (String group : e.getValue()) {
                if (created.add(group)) {
                    Group g = idm.newGroup(group);
                    g.setName(group);
                    g.setType("jabatan");
                    idm.saveGroup(g);
                }
                idm.createMembership(e.getKey(), group);
            }
        }
    }

    /**
     * Sopan's export with each user task's candidates: the jabatan of the actor who works it (for an external
     * institution's step, the internal actor before it, as Sopan's engine does), or the pemohon of the instance.
     */
    static String withCandidates(String bpmn, CutiWorkload workload) {
        try {
            Document doc = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
            NodeList userTasks = doc.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "userTask");
            doc.getDocumentElement().setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:flowable", FLOWABLE_NS);
            for (int i = 0; i < userTasks.getLength(); i++) {
                Element task = (Element) userTasks.item(i);
                int number = Integer.parseInt(task.getAttribute("id").split("_")[1]);
                CutiWorkload.Step step = workload.step(number);
                if (step.kind() == CutiWorkload.Kind.PEMOHON) {
                    task.setAttributeNS(FLOWABLE_NS, "flowable:candidateUsers", "${pemohon}");
                } else {
                    task.setAttributeNS(FLOWABLE_NS, "flowable:candidateGroups", step.jabatan());
                }
            }
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot add candidates to the exported BPMN", e);
        }
    }

    @Override
    public String name() {
        return "flowable";
    }

    @Override
    public String start(int caseIndex) {
        return runtime.startProcessInstanceByKey(processKey, "BENCH-" + caseIndex,
                Map.of("pemohon", CutiWorkload.PEMOHON)).getId();
    }

    @Override
    public String find(String instanceId, CutiWorkload.Step step) {
        // The user's worklist: tasks assigned to them and unclaimed tasks of their groups or of themselves.
        List<Task> list = tasks.createTaskQuery().taskCandidateOrAssigned(step.user())
                .orderByTaskCreateTime().asc().listPage(0, SopanEngine.WORKLIST_LIMIT);
        String key = "step_" + step.number();
        return list.stream().filter(t -> t.getProcessInstanceId().equals(instanceId) && t.getTaskDefinitionKey().equals(key))
                .findFirst().map(Task::getId)
                .orElseThrow(() -> new IllegalStateException("instance " + instanceId + " step " + step.number()
                        + " is not in the worklist of " + step.user() + " (" + list.size() + " items)"));
    }

    @Override
    public void claim(String task, CutiWorkload.Step step) {
        tasks.claim(task, step.user());
    }

    @Override
    public void finish(String task, CutiWorkload.Step step, boolean returnIt) {
        switch (step.kind()) {
            case PEMOHON, PLAIN -> tasks.complete(task);
            case DECISION -> {
                Map<String, Object> variables = new HashMap<>();
                variables.put("sesuai", !returnIt);
                if (returnIt) {
                    variables.put("catatan", CutiWorkload.RETURN_NOTE);
                }
                tasks.complete(task, variables);
            }
            case HANDOFF -> tasks.complete(task, Map.of("catatan", CutiWorkload.HANDOFF_NOTE));
        }
    }

    @Override
    public Totals totals() {
        var history = engine.getHistoryService();
        long finished = history.createHistoricProcessInstanceQuery().finished().count();
        long open = runtime.createProcessInstanceQuery().count();
        long doneTasks = history.createHistoricTaskInstanceQuery().finished().count();
        return new Totals(finished, doneTasks, open);
    }

    @Override
    public CountingDataSource dataSource() {
        return counting;
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
