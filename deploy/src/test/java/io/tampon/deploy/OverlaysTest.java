package io.tampon.deploy;

import static io.tampon.deploy.RenderedOverlays.at;
import static io.tampon.deploy.RenderedOverlays.name;
import static io.tampon.deploy.RenderedOverlays.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.contracts.TopicDeclaration;
import io.tampon.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The invariants every overlay must keep, checked on what {@code kubectl kustomize} renders. */
class OverlaysTest {

    private static final Set<String> SERVICES = Set.of("ingest-service", "signing-service", "qr-service",
            "notification-service");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasRequestsLimitsAndARestrictedSecurityContext(String overlay) throws Exception {
        for (Map<String, Object> workload : workloads(RenderedOverlays.render(overlay))) {
            Map<String, Object> pod = at(workload, "spec", "template", "spec");
            assertEquals(Boolean.TRUE, at(pod, "securityContext", "runAsNonRoot"), name(workload));
            for (Map<String, Object> container : containers(workload)) {
                String where = overlay + "/" + name(workload) + "/" + container.get("name");
                assertNotNull(at(container, "resources", "requests", "cpu"), where + " cpu request");
                assertNotNull(at(container, "resources", "requests", "memory"), where + " memory request");
                assertNotNull(at(container, "resources", "limits", "memory"), where + " memory limit");
                assertEquals(Boolean.FALSE, at(container, "securityContext", "allowPrivilegeEscalation"), where);
                assertEquals(Boolean.TRUE, at(container, "securityContext", "readOnlyRootFilesystem"), where);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasProbesAPodDisruptionBudgetAndAServiceMonitor(String overlay) throws Exception {
        List<Map<String, Object>> documents = RenderedOverlays.render(overlay);
        List<Map<String, Object>> deployments = ofKind(documents, "Deployment");
        assertEquals(SERVICES, deployments.stream().map(RenderedOverlays::name).collect(Collectors.toSet()));
        Set<String> budgets = names(ofKind(documents, "PodDisruptionBudget"));
        Set<String> monitors = names(ofKind(documents, "ServiceMonitor"));
        for (Map<String, Object> deployment : deployments) {
            for (Map<String, Object> container : containers(deployment)) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertNotNull(at(container, probe, "httpGet", "path"), name(deployment) + " " + probe);
                }
            }
            assertNotNull(at(deployment, "spec", "template", "spec", "topologySpreadConstraints"), name(deployment));
            assertTrue(budgets.contains(name(deployment)), "PodDisruptionBudget of " + name(deployment));
            assertTrue(monitors.contains(name(deployment)), "ServiceMonitor of " + name(deployment));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaTopicsAreTheCodesDeclaration(String overlay) throws Exception {
        Map<String, Integer> rendered = new TreeMap<>();
        for (Map<String, Object> topic : ofKind(RenderedOverlays.render(overlay), "KafkaTopic")) {
            rendered.put(at(topic, "spec", "topicName"), at(topic, "spec", "partitions"));
            Number retention = at(topic, "spec", "config", "retention.ms");
            assertEquals(declared(at(topic, "spec", "topicName")).retentionMillis(), retention.longValue());
        }
        Map<String, Integer> declared = new TreeMap<>();
        Topics.all().forEach(t -> declared.put(t.name(), t.partitions()));
        assertEquals(declared, rendered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkerScalesOnItsLagWithinItsPartitionsAndTheThresholdFollowsTheMeasuredRate(String overlay)
            throws Exception {
        List<Map<String, Object>> scaled = ofKind(RenderedOverlays.render(overlay), "ScaledObject");
        assertEquals(Set.of("signing-service", "qr-service", "notification-service"), names(scaled));
        for (Map<String, Object> object : scaled) {
            int max = at(object, "spec", "maxReplicaCount");
            int min = at(object, "spec", "minReplicaCount");
            assertTrue(min >= 1 && min <= max, name(object));
            long rate = Long.parseLong(at(object, "metadata", "annotations", "tampon.io/measured-rate-per-replica"));
            long drain = Long.parseLong(at(object, "metadata", "annotations", "tampon.io/drain-target-seconds"));
            List<Map<String, Object>> triggers = at(object, "spec", "triggers");
            assertFalse(triggers.isEmpty());
            for (Map<String, Object> trigger : triggers) {
                assertEquals("kafka", trigger.get("type"));
                String topic = at(trigger, "metadata", "topic");
                assertTrue(max <= declared(topic).partitions(),
                        name(object) + ": " + max + " replicas > " + declared(topic).partitions() + " partitions");
                assertEquals(rate * drain, Long.parseLong(at(trigger, "metadata", "lagThreshold")),
                        name(object) + ": lagThreshold = measured rate x drain target");
                assertEquals("tampon-kafka-kafka-bootstrap:9092", at(trigger, "metadata", "bootstrapServers"));
            }
        }
        Map<String, Object> hpa = ofKind(RenderedOverlays.render(overlay), "HorizontalPodAutoscaler").get(0);
        assertEquals("ingest-service", at(hpa, "spec", "scaleTargetRef", "name"));
        Set<String> metrics = ((List<Map<String, Object>>) at(hpa, "spec", "metrics")).stream()
                .map(m -> (String) m.get("type")).collect(Collectors.toSet());
        assertEquals(Set.of("Resource", "Pods"), metrics, "CPU and requests per second");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesAreTheOnesJibBuildsAtTheProjectVersion(String overlay) throws Exception {
        Set<String> built = jibImageNames();
        assertEquals(Set.of("ingest-service", "signing-service", "qr-service", "notification-service",
                "schema-migrator"), built);
        Pattern image = Pattern.compile("(?:.+/)?tampon/([a-z-]+):(.+)");
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> workload : workloads(RenderedOverlays.render(overlay))) {
            for (Map<String, Object> container : containers(workload)) {
                Matcher matcher = image.matcher((String) container.get("image"));
                assertTrue(matcher.matches(), container.get("image").toString());
                assertTrue(built.contains(matcher.group(1)), matcher.group(1) + " is not an image Jib builds");
                assertEquals(System.getProperty("tampon.version"), matcher.group(2));
                used.add(matcher.group(1));
            }
        }
        assertEquals(built, used, "every image built is deployed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretIsCommittedAndEverySecretReferencedIsDocumented(String overlay) throws Exception {
        List<Map<String, Object>> documents = RenderedOverlays.render(overlay);
        assertTrue(ofKind(documents, "Secret").isEmpty(), "Secrets are created in the cluster, not committed");
        Set<String> referenced = new TreeSet<>();
        for (Map<String, Object> workload : workloads(documents)) {
            for (Map<String, Object> container : containers(workload)) {
                List<Map<String, Object>> env = at(container, "env");
                for (Map<String, Object> variable : env == null ? List.<Map<String, Object>>of() : env) {
                    String name = (String) variable.get("name");
                    if (name.matches(".*(PASSWORD|SECRET|USERNAME|KEY).*")) {
                        assertFalse(variable.containsKey("value"), name + " must come from a Secret");
                    }
                    String secret = at(variable, "valueFrom", "secretKeyRef", "name");
                    if (secret != null) {
                        referenced.add(secret);
                    }
                }
            }
            List<Map<String, Object>> volumes = at(workload, "spec", "template", "spec", "volumes");
            for (Map<String, Object> volume : volumes == null ? List.<Map<String, Object>>of() : volumes) {
                String secret = at(volume, "secret", "secretName");
                if (secret != null) {
                    referenced.add(secret);
                }
            }
        }
        for (Map<String, Object> config : ofKind(documents, "ConfigMap")) {
            Map<String, Object> data = at(config, "data");
            data.keySet().forEach(key -> assertFalse(key.matches(".*(PASSWORD|SECRET)$"), key + " in a ConfigMap"));
        }
        String readme = Files.readString(RenderedOverlays.deployDir().resolve("README.md"));
        for (String secret : referenced) {
            assertTrue(readme.contains("`" + secret + "`"), secret + " is not documented in deploy/README.md");
        }
        assertTrue(referenced.containsAll(Set.of("tampon-signing-keys", "tampon-qr-link-secret")), referenced + "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheApiAndThePatientPageAreExposedAndEverythingElseIsDeniedByDefault(String overlay) throws Exception {
        List<Map<String, Object>> documents = RenderedOverlays.render(overlay);
        Set<String> backends = new TreeSet<>();
        for (Map<String, Object> ingress : ofKind(documents, "Ingress")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) at(ingress, "spec", "rules")) {
                for (Map<String, Object> path : (List<Map<String, Object>>) at(rule, "http", "paths")) {
                    backends.add(at(path, "backend", "service", "name"));
                }
            }
        }
        assertEquals(Set.of("ingest-service", "qr-service"), backends);
        Map<String, Map<String, Object>> policies = new HashMap<>();
        ofKind(documents, "NetworkPolicy").forEach(p -> policies.put(name(p), p));
        Map<String, Object> deny = policies.get("default-deny-ingress");
        assertNotNull(deny, "a default-deny policy");
        assertEquals(Map.of(), at(deny, "spec", "podSelector"));
        assertTrue(at(deny, "spec", "ingress") == null, "the default policy allows nothing");
        List<Object> exposed = at(policies.get("public-from-ingress-controller"), "spec", "podSelector",
                "matchExpressions", 0, "values");
        assertEquals(Set.of("ingest-service", "qr-service"), Set.copyOf(exposed));
        for (String store : List.of("kafka-from-services", "cassandra-from-services")) {
            assertNotNull(policies.get(store), store);
        }
    }

    @org.junit.jupiter.api.Test
    void theCommittedTopicsAreWhatTheGeneratorWritesNow() throws Exception {
        assertEquals(KafkaTopicsManifest.render(), Files.readString(RenderedOverlays.deployDir()
                .resolve("k8s/base/kafka/topics.yaml")), "stale: run mvn -pl deploy exec:java");
    }

    @org.junit.jupiter.api.Test
    void theComposeFileCreatesTheDeclaredTopics() throws Exception {
        String compose = Files.readString(RenderedOverlays.deployDir().resolve("docker-compose.yml"));
        Matcher entries = Pattern.compile("(tampon\\.[a-z.0-9]+):(\\d+):(\\d+)").matcher(compose);
        Map<String, String> created = new TreeMap<>();
        while (entries.find()) {
            created.put(entries.group(1), entries.group(2) + ":" + entries.group(3));
        }
        Map<String, String> declared = new TreeMap<>();
        Topics.all().forEach(t -> declared.put(t.name(), t.partitions() + ":" + t.retentionMillis()));
        assertEquals(declared, created);
    }

    private static TopicDeclaration declared(String name) {
        return Topics.all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not declared in io.tampon.contracts.Topics"));
    }

    private static List<Map<String, Object>> workloads(List<Map<String, Object>> documents) {
        return Stream.concat(ofKind(documents, "Deployment").stream(), ofKind(documents, "Job").stream()).toList();
    }

    private static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return at(workload, "spec", "template", "spec", "containers");
    }

    private static Set<String> names(List<Map<String, Object>> documents) {
        return documents.stream().map(RenderedOverlays::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The image names the Maven build gives Jib: tampon.image.name of every module that builds one. */
    private static Set<String> jibImageNames() throws Exception {
        Path root = RenderedOverlays.deployDir().getParent();
        Set<String> names = new TreeSet<>();
        Pattern property = Pattern.compile("<tampon.image.name>([^<]+)</tampon.image.name>");
        try (Stream<Path> poms = Files.walk(root, 2)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                Matcher matcher = property.matcher(Files.readString(pom));
                if (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }
}
