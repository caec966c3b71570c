package id.sopan.documents;

import id.sopan.sop.Actor;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.StandardTime;
import id.sopan.sop.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SOP as a BPMN 2.0 process that other tools open laid out: a pool with one lane per actor, a user task per
 * step and actor (a step of several actors forks and joins), an exclusive gateway after each decision with its
 * "Ya" flow on and its "Tidak" flow back to the return step, the Mutu Baku as each task's documentation, and
 * BPMN DI shapes and edges. The gateways test a process variable {@code sesuai}.
 */
public final class BpmnExport {

    private static final int LANE_HEIGHT = 140;
    private static final int COLUMN = 170;
    private static final int LEFT = 150;
    private static final int TASK_W = 120;
    private static final int TASK_H = 80;
    private static final int SMALL = 36;
    private static final int GATEWAY = 50;

    private BpmnExport() {
    }

    private record Node(String id, String kind, String name, int lane, int column, String documentation) {
    }

    private record Flow(String id, String from, String to, String name, String condition, boolean back) {
    }

    public static String write(SopDefinition sop) {
        String pid = "sop_" + sop.code().replace('-', '_');
        List<Actor> actors = sop.actors();
        Map<String, Integer> laneOf = new LinkedHashMap<>();
        for (int i = 0; i < actors.size(); i++) {
            laneOf.put(actors.get(i).name(), i);
        }
        List<Node> nodes = new ArrayList<>();
        List<Flow> flows = new ArrayList<>();
        int column = 0;
        int firstLane = laneOf.get(sop.firstStep().actors().get(0));
        nodes.add(new Node("start", "startEvent", "Mulai", firstLane, column++, null));
        String previous = "start";
        Map<Integer, String> entryOf = new LinkedHashMap<>();
        for (Step step : sop.steps()) {
            String doc = documentation(step);
            String entry;
            String exit;
            int lane = laneOf.get(step.actors().get(0));
            if (step.actors().size() == 1) {
                entry = exit = "step_" + step.number();
                nodes.add(new Node(entry, "userTask", taskName(step, null), lane, column++, doc));
            } else {
                entry = "fork_" + step.number();
                exit = "join_" + step.number();
                nodes.add(new Node(entry, "parallelGateway", "", lane, column++, null));
                for (String actor : step.actors()) {
                    String id = "step_" + step.number() + "_" + (laneOf.get(actor) + 1);
                    nodes.add(new Node(id, "userTask", taskName(step, actor), laneOf.get(actor), column, doc));
                    flows.add(new Flow("flow_" + entry + "_" + id, entry, id, null, null, false));
                    flows.add(new Flow("flow_" + id + "_" + exit, id, exit, null, null, false));
                }
                column++;
                nodes.add(new Node(exit, "parallelGateway", "", lane, column++, null));
            }
            entryOf.put(step.number(), entry);
            flows.add(new Flow("flow_" + previous + "_" + entry, previous, entry, null, null, false));
            previous = exit;
            if (step.isDecision()) {
                String gateway = "gateway_" + step.number();
                nodes.add(new Node(gateway, "exclusiveGateway", "Sesuai?", lane, column++, null));
                flows.add(new Flow("flow_" + exit + "_" + gateway, exit, gateway, null, null, false));
                previous = gateway;
            }
        }
        nodes.add(new Node("end", "endEvent", "Selesai", laneOf.get(sop.lastStep().actors().get(0)), column, null));
        // Connect each gateway: Ya to what follows it, Tidak back to the return step.
        List<Flow> wired = new ArrayList<>();
        for (Flow f : flows) {
            wired.add(f);
        }
        for (int i = 0; i < sop.steps().size(); i++) {
            Step step = sop.steps().get(i);
            if (!step.isDecision()) {
                continue;
            }
            String gateway = "gateway_" + step.number();
            String next = i + 1 < sop.steps().size() ? entryOf.get(sop.steps().get(i + 1).number()) : "end";
            // The plain sequence flow out of the gateway becomes its Ya flow.
            wired.removeIf(f -> f.from().equals(gateway));
            wired.add(new Flow("flow_" + gateway + "_ya", gateway, next, "Ya", "${sesuai}", false));
            wired.add(new Flow("flow_" + gateway + "_tidak", gateway, entryOf.get(step.decision().returnsTo()), "Tidak",
                    "${!sesuai}", true));
        }
        if (wired.stream().noneMatch(f -> f.to().equals("end"))) {
            wired.add(new Flow("flow_" + previous + "_end", previous, "end", null, null, false));
        }

        StringBuilder x = new StringBuilder(16_384);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"")
                .append(" xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\"")
                .append(" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\"")
                .append(" xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" id=\"definitions_").append(pid).append("\" targetNamespace=\"urn:sopan:sop\">\n");
        x.append("  <collaboration id=\"collaboration_").append(pid).append("\">\n");
        x.append("    <participant id=\"pool_").append(pid).append("\" name=\"").append(esc(sop.code() + " " + sop.title()))
                .append("\" processRef=\"").append(pid).append("\"/>\n");
        x.append("  </collaboration>\n");
        x.append("  <process id=\"").append(pid).append("\" name=\"").append(esc(sop.title())).append("\" isExecutable=\"true\">\n");
        x.append("    <laneSet id=\"lanes_").append(pid).append("\">\n");
        for (int i = 0; i < actors.size(); i++) {
            int lane = i;
            x.append("      <lane id=\"lane_").append(i + 1).append("\" name=\"").append(esc(actors.get(i).name())).append("\">\n");
            nodes.stream().filter(n -> n.lane() == lane)
                    .forEach(n -> x.append("        <flowNodeRef>").append(n.id()).append("</flowNodeRef>\n"));
            x.append("      </lane>\n");
        }
        x.append("    </laneSet>\n");
        for (Node n : nodes) {
            x.append("    <").append(n.kind()).append(" id=\"").append(n.id()).append("\"");
            if (!n.name().isEmpty()) {
                x.append(" name=\"").append(esc(n.name())).append("\"");
            }
            if (n.documentation() == null) {
                x.append("/>\n");
            } else {
                x.append(">\n      <documentation>").append(esc(n.documentation())).append("</documentation>\n    </")
                        .append(n.kind()).append(">\n");
            }
        }
        for (Flow f : wired) {
            x.append("    <sequenceFlow id=\"").append(f.id()).append("\" sourceRef=\"").append(f.from())
                    .append("\" targetRef=\"").append(f.to()).append("\"");
            if (f.name() != null) {
                x.append(" name=\"").append(f.name()).append("\"");
            }
            if (f.condition() == null) {
                x.append("/>\n");
            } else {
                x.append(">\n      <conditionExpression xsi:type=\"tFormalExpression\">").append(esc(f.condition()))
                        .append("</conditionExpression>\n    </sequenceFlow>\n");
            }
        }
        x.append("  </process>\n");
        diagram(x, pid, actors, nodes, wired);
        x.append("</definitions>\n");
        return x.toString();
    }

    private static void diagram(StringBuilder x, String pid, List<Actor> actors, List<Node> nodes, List<Flow> flows) {
        int width = LEFT + (nodes.stream().mapToInt(Node::column).max().orElse(0) + 1) * COLUMN;
        x.append("  <bpmndi:BPMNDiagram id=\"diagram_").append(pid).append("\">\n");
        x.append("    <bpmndi:BPMNPlane id=\"plane_").append(pid).append("\" bpmnElement=\"collaboration_").append(pid).append("\">\n");
        shape(x, "pool_" + pid, 0, 0, width, actors.size() * LANE_HEIGHT, true);
        for (int i = 0; i < actors.size(); i++) {
            shape(x, "lane_" + (i + 1), 30, i * LANE_HEIGHT, width - 30, LANE_HEIGHT, true);
        }
        Map<String, int[]> box = new LinkedHashMap<>();
        for (Node n : nodes) {
            int w = n.kind().equals("userTask") ? TASK_W : n.kind().endsWith("Gateway") ? GATEWAY : SMALL;
            int h = n.kind().equals("userTask") ? TASK_H : w;
            int cx = LEFT + n.column() * COLUMN + COLUMN / 2;
            int cy = n.lane() * LANE_HEIGHT + LANE_HEIGHT / 2;
            int[] b = {cx - w / 2, cy - h / 2, w, h};
            box.put(n.id(), b);
            shape(x, n.id(), b[0], b[1], b[2], b[3], false);
        }
        for (Flow f : flows) {
            int[] s = box.get(f.from());
            int[] t = box.get(f.to());
            x.append("      <bpmndi:BPMNEdge id=\"edge_").append(f.id()).append("\" bpmnElement=\"").append(f.id()).append("\">\n");
            if (f.back()) {
                // Back under both shapes: down from the gateway, left along the lane's floor, up into the target.
                int floor = Math.max(s[1] + s[3], t[1] + t[3]) + 18;
                point(x, s[0] + s[2] / 2, s[1] + s[3]);
                point(x, s[0] + s[2] / 2, floor);
                point(x, t[0] + t[2] / 2, floor);
                point(x, t[0] + t[2] / 2, t[1] + t[3]);
            } else {
                int sy = s[1] + s[3] / 2;
                int ty = t[1] + t[3] / 2;
                point(x, s[0] + s[2], sy);
                if (sy != ty) {
                    int mid = (s[0] + s[2] + t[0]) / 2;
                    point(x, mid, sy);
                    point(x, mid, ty);
                }
                point(x, t[0], ty);
            }
            x.append("      </bpmndi:BPMNEdge>\n");
        }
        x.append("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n");
    }

    private static void shape(StringBuilder x, String element, int left, int top, int width, int height, boolean horizontal) {
        x.append("      <bpmndi:BPMNShape id=\"shape_").append(element).append("\" bpmnElement=\"").append(element).append("\"");
        if (horizontal) {
            x.append(" isHorizontal=\"true\"");
        }
        x.append(">\n        <dc:Bounds x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\"/>\n      </bpmndi:BPMNShape>\n");
    }

    private static void point(StringBuilder x, int px, int py) {
        x.append("        <di:waypoint x=\"").append(px).append("\" y=\"").append(py).append("\"/>\n");
    }

    /** Engines keep names short (Flowable: 255): a long Kegiatan is cut in the name and whole in the documentation. */
    private static String taskName(Step step, String actor) {
        String suffix = actor == null ? "" : " (" + actor + ")";
        String text = step.number() + ". " + step.kegiatan();
        int room = 200 - suffix.length();
        return (text.length() > room ? text.substring(0, room - 1).strip() + "…" : text) + suffix;
    }

    private static String documentation(Step step) {
        StandardTime t = step.waktu();
        return step.kegiatan() + "\nKelengkapan: " + nz(step.kelengkapan()) + "\nWaktu: " + (t.isKnown() ? XlsxExport.waktu(t) : "tidak diketahui")
                + "\nOutput: " + nz(step.output()) + (step.keterangan() == null ? "" : "\nKeterangan: " + step.keterangan());
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
