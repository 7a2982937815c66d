package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.app.ops.OpsVerticle;
import dev.parley.gateway.health.NodeHealth;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.Settings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests in k8s/ as Kubernetes would get them: both overlays rendered by {@code kubectl kustomize}, every
 * object read with the fabric8 model of the API (an unknown kind or field would not be one of its typed objects), and
 * held to Parley: every setting they pass is one Parley declares, every probe names a path and a port a node serves,
 * the headless Service is the one {@code cluster.kubernetesService} names, and the cluster's ports stay in the
 * namespace.
 */
class KubernetesManifestsTest {

  private static final Path K8S = Path.of("../k8s");
  /** Variables read by the launcher or the JVM rather than by the configuration. */
  private static final Set<String> LAUNCHER_VARIABLES = Set.of(Main.ROLES_VARIABLE, "JAVA_TOOL_OPTIONS");
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private static List<HasMetadata> dev;
  private static List<HasMetadata> prod;

  @BeforeAll
  static void render() throws Exception {
    assumeTrue(kubectl(), "kubectl is not installed (apt-get install kubectl; .ci/run installs it): the manifests"
        + " cannot be rendered here");
    dev = rendered("overlays/dev");
    prod = rendered("overlays/prod");
  }

  @Test
  void bothOverlaysRenderObjectsOfTheKubernetesModel() {
    for (List<HasMetadata> objects : List.of(dev, prod)) {
      assertFalse(objects.isEmpty());
      for (HasMetadata object : objects) {
        assertFalse(object instanceof GenericKubernetesResource,
            object.getKind() + " " + object.getMetadata().getName() + " is not a kind the model knows");
        assertNotNull(object.getMetadata().getName());
      }
      Set<String> kinds = objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
      assertTrue(kinds.containsAll(Set.of("Deployment", "Service", "Ingress", "ConfigMap", "ServiceAccount", "Role",
          "RoleBinding", "NetworkPolicy")), kinds.toString());
    }
    assertTrue(kinds(prod).containsAll(Set.of("HorizontalPodAutoscaler", "PodDisruptionBudget")));
  }

  @Test
  void devRunsEveryRoleInOnePodBesideItsOwnDatabaseAndRedis() {
    List<Deployment> parley = parleyDeployments(dev);
    assertEquals(1, parley.size());
    assertEquals(1, parley.get(0).getSpec().getReplicas());
    assertEquals(EnumSet.allOf(Role.class), roles(parley.get(0)));
    Set<String> others = of(dev, Deployment.class).stream().map(d -> d.getMetadata().getName())
        .collect(Collectors.toSet());
    assertTrue(others.containsAll(Set.of("postgres", "redis")), others.toString());
    assertTrue(secrets(dev).keySet().containsAll(Set.of("PARLEY_DB_URL", "PARLEY_REDIS_URL", "PARLEY_AUTH_JWT_SECRET")));
  }

  @Test
  void prodRunsGatewaysAndWorkersApartAgainstExternalServices() {
    List<Deployment> parley = parleyDeployments(prod);
    assertEquals(Set.of(EnumSet.of(Role.GATEWAY), EnumSet.of(Role.ROOMS, Role.NOTIFY)),
        parley.stream().map(KubernetesManifestsTest::roles).collect(Collectors.toSet()));
    assertEquals(parley.size(), of(prod, Deployment.class).size(), "no database or Redis in the cluster");
    assertTrue(of(prod, Secret.class).isEmpty(), "no credential is rendered (or kept in git) for prod");

    HorizontalPodAutoscaler autoscaler = of(prod, HorizontalPodAutoscaler.class).get(0);
    Deployment gateway = deployment(prod, Role.GATEWAY);
    assertEquals(gateway.getMetadata().getName(), autoscaler.getSpec().getScaleTargetRef().getName());
    for (PodDisruptionBudget budget : of(prod, PodDisruptionBudget.class)) {
      assertEquals(1, parley.stream().filter(d -> selects(budget.getSpec().getSelector().getMatchLabels(), d))
          .count(), "each budget covers one Deployment: " + budget.getMetadata().getName());
    }
  }

  @Test
  void everySettingTheManifestsPassIsOneParleyDeclares() throws IOException {
    for (List<HasMetadata> objects : List.of(dev, prod)) {
      Map<String, String> passed = settings(objects);
      assertEquals(List.of(), undeclaredSettings(passed), "variables that no setting declares");
      for (Deployment deployment : parleyDeployments(objects)) {
        assertFalse(roles(deployment).isEmpty());
      }
    }
    assertEquals(List.of(), undeclaredSettings(envFile(K8S.resolve("overlays/prod/secrets.env.example"))),
        "the prod Secret's template names variables no setting declares");
  }

  @Test
  void everyProbeNamesAPathAndAPortANodeServes() throws Exception {
    Set<String> served = pathsAnOpsPortServes();
    for (List<HasMetadata> objects : List.of(dev, prod)) {
      ParleyConfig config = config(settings(objects));
      Map<String, Integer> ports = Map.of("http", config.http().port(), "ops", config.ops().port(),
          "hazelcast", config.cluster().port(), "eventbus", config.cluster().eventBusPort());
      for (Deployment deployment : parleyDeployments(objects)) {
        Container container = parleyContainer(deployment);
        for (ContainerPort port : container.getPorts()) {
          assertEquals(ports.get(port.getName()), port.getContainerPort(), "port " + port.getName()
              + " of " + deployment.getMetadata().getName() + " is the one the configuration opens");
        }
        List<Probe> probes = List.of(container.getStartupProbe(), container.getLivenessProbe(),
            container.getReadinessProbe());
        for (Probe probe : probes) {
          assertNotNull(probe, "startup, liveness and readiness probes on " + deployment.getMetadata().getName());
          HTTPGetAction get = probe.getHttpGet();
          assertTrue(served.contains(get.getPath()), get.getPath() + " is not served");
          assertEquals(config.ops().port(), portNumber(container, get.getPort()), "probes ask the management port");
        }
        assertEquals(NodeHealth.READY_PATH, container.getReadinessProbe().getHttpGet().getPath());
        assertEquals(NodeHealth.LIVE_PATH, container.getLivenessProbe().getHttpGet().getPath());
      }
    }
  }

  @Test
  void theHeadlessServiceIsTheOneHazelcastLooksUpAndItsPortsAreTheClusters() {
    for (List<HasMetadata> objects : List.of(dev, prod)) {
      ParleyConfig config = config(settings(objects));
      assertTrue(config.cluster().enabled());
      String name = config.cluster().kubernetesService();
      assertNotNull(name, "cluster.kubernetesService");
      Service headless = of(objects, Service.class).stream()
          .filter(service -> name.split("\\.")[0].equals(service.getMetadata().getName()))
          .findFirst().orElseThrow(() -> new AssertionError("no Service named " + name));
      assertEquals("None", headless.getSpec().getClusterIP(), "headless");
      assertEquals(Set.of(config.cluster().port(), config.cluster().eventBusPort()),
          headless.getSpec().getPorts().stream().map(ServicePort::getPort).collect(Collectors.toSet()));
      for (Deployment deployment : parleyDeployments(objects)) {
        assertTrue(selects(headless.getSpec().getSelector(), deployment), "every member is behind it");
      }
      RoleBinding binding = of(objects, RoleBinding.class).get(0);
      assertEquals("parley", binding.getSubjects().get(0).getName());
      for (Deployment deployment : parleyDeployments(objects)) {
        assertEquals("parley", deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
      }
    }
  }

  @Test
  void servicesAndTheIngressLeadToPortsThatExist() {
    for (List<HasMetadata> objects : List.of(dev, prod)) {
      for (Service service : of(objects, Service.class)) {
        List<Deployment> behind = of(objects, Deployment.class).stream()
            .filter(deployment -> selects(service.getSpec().getSelector(), deployment)).toList();
        assertFalse(behind.isEmpty(), "Service " + service.getMetadata().getName() + " selects no pod");
        for (ServicePort port : service.getSpec().getPorts()) {
          for (Deployment deployment : behind) {
            portNumber(deployment.getSpec().getTemplate().getSpec().getContainers().get(0), port.getTargetPort());
          }
        }
      }
      Ingress ingress = of(objects, Ingress.class).get(0);
      String backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService()
          .getName();
      Service http = of(objects, Service.class).stream().filter(s -> s.getMetadata().getName().equals(backend))
          .findFirst().orElseThrow();
      assertTrue(parleyDeployments(objects).stream().filter(d -> selects(http.getSpec().getSelector(), d))
          .allMatch(d -> roles(d).contains(Role.GATEWAY)), "the Ingress reaches gateways only");
      Map<String, String> annotations = ingress.getMetadata().getAnnotations();
      int heartbeat = config(settings(objects)).limits().heartbeatSeconds();
      for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
        assertTrue(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/" + timeout)) > 2 * heartbeat,
            "WebSockets outlive the proxy's " + timeout);
      }
    }
  }

  @Test
  void podsRunLockedDownWithRoomToDrain() {
    for (List<HasMetadata> objects : List.of(dev, prod)) {
      for (Deployment deployment : parleyDeployments(objects)) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertTrue(pod.getTerminationGracePeriodSeconds() >= 30, "time to drain");
        Container container = parleyContainer(deployment);
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation());
        assertNotNull(container.getResources().getRequests().get("cpu"));
        assertNotNull(container.getResources().getLimits().get("memory"));
      }
    }
  }

  @Test
  void theClustersPortsAreOpenToParleyPodsOfTheNamespaceOnly() {
    for (List<HasMetadata> objects : List.of(dev, prod)) {
      ParleyConfig config = config(settings(objects));
      Set<Integer> clusterPorts = Set.of(config.cluster().port(), config.cluster().eventBusPort());
      NetworkPolicy policy = of(objects, NetworkPolicy.class).get(0);
      for (Deployment deployment : parleyDeployments(objects)) {
        assertTrue(selects(policy.getSpec().getPodSelector().getMatchLabels(), deployment));
      }
      for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
        boolean clusterRule = rule.getPorts().stream().anyMatch(p -> clusterPorts.contains(p.getPort().getIntVal()));
        if (clusterRule) {
          assertFalse(rule.getFrom().isEmpty(), "the cluster's ports are not open to everyone");
          for (NetworkPolicyPeer peer : rule.getFrom()) {
            assertNull(peer.getNamespaceSelector(), "no other namespace");
            assertNull(peer.getIpBlock(), "no address range");
            assertNotNull(peer.getPodSelector());
          }
        }
      }
    }
  }

  /**
   * The {@code PARLEY_*} variables among these that no setting declares: each must become a declared setting's path
   * (an OAuth provider's, for {@code PARLEY_OAUTH_<ID>_...}), or be one the launcher reads.
   */
  static List<String> undeclaredSettings(Map<String, String> variables) {
    Set<String> declared = Settings.all().stream().map(Settings.Setting::path).collect(Collectors.toSet());
    List<String> undeclared = new ArrayList<>();
    variables.forEach((name, value) -> {
      if (LAUNCHER_VARIABLES.contains(name)) {
        return;
      }
      JsonObject config = ConfigLoader.fromEnvironment(Map.of(name, value));
      if (name.startsWith("PARLEY_OAUTH_")) {
        if (ParleyConfig.fromJson(config).oauth().providers().isEmpty()) {
          undeclared.add(name);
        }
        return;
      }
      if (!name.startsWith("PARLEY_") || !declared.containsAll(paths(config))) {
        undeclared.add(name);
      }
    });
    return undeclared;
  }

  private static List<String> paths(JsonObject config) {
    List<String> paths = new ArrayList<>();
    for (String key : config.fieldNames()) {
      if (config.getValue(key) instanceof JsonObject section) {
        section.fieldNames().forEach(inner -> paths.add(key + "." + inner));
      } else {
        paths.add(key);
      }
    }
    return paths;
  }

  /** What a Parley container's environment holds: its ConfigMap and Secret (where rendered) and its own env. */
  private static Map<String, String> settings(List<HasMetadata> objects) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (Deployment deployment : parleyDeployments(objects)) {
      Container container = parleyContainer(deployment);
      for (EnvFromSource source : container.getEnvFrom()) {
        if (source.getConfigMapRef() != null) {
          of(objects, ConfigMap.class).stream()
              .filter(map -> map.getMetadata().getName().equals(source.getConfigMapRef().getName()))
              .forEach(map -> settings.putAll(map.getData()));
        }
      }
      settings.putAll(secrets(objects));
      for (EnvVar variable : container.getEnv()) {
        // Values from the pod (its address) are not known before it runs: a sample of the right shape.
        settings.put(variable.getName(), variable.getValue() != null ? variable.getValue() : "10.1.2.3");
      }
    }
    return settings;
  }

  private static Map<String, String> secrets(List<HasMetadata> objects) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Secret secret : of(objects, Secret.class)) {
      if (secret.getData() != null) {
        secret.getData().forEach((key, value) -> values.put(key,
            new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
      }
      if (secret.getStringData() != null) {
        values.putAll(secret.getStringData());
      }
    }
    return values;
  }

  /** The configuration a node started with these variables reads (over the shipped defaults). */
  private static ParleyConfig config(Map<String, String> variables) {
    try {
      JsonObject defaults = new JsonObject(Files.readString(Path.of("../conf/parley.json")));
      return ParleyConfig.fromJson(defaults.mergeIn(ConfigLoader.fromEnvironment(variables), true));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, String> envFile(Path file) throws IOException {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
        variables.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return variables;
  }

  /** The paths the management port answers (not 404), asked of a real one. */
  private static Set<String> pathsAnOpsPortServes() {
    Vertx vertx = Vertx.vertx();
    try {
      OpsVerticle ops = new OpsVerticle(null, EnumSet.noneOf(Role.class));
      TestNodes.await(vertx.deployVerticle(ops, new DeploymentOptions().setConfig(new JsonObject()
          .put("ops", new JsonObject().put("host", "127.0.0.1").put("port", 0)))));
      TestApi api = new TestApi(vertx, ops.port());
      return Set.of(NodeHealth.LIVE_PATH, NodeHealth.READY_PATH, "/nothing-here").stream()
          .filter(path -> api.call(HttpMethod.GET, path, null, null).statusCode() != 404)
          .collect(Collectors.toSet());
    } finally {
      TestNodes.await(vertx.close());
    }
  }

  private static List<Deployment> parleyDeployments(List<HasMetadata> objects) {
    return of(objects, Deployment.class).stream()
        .filter(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers().stream()
            .anyMatch(container -> container.getImage().contains("parley")))
        .toList();
  }

  private static Deployment deployment(List<HasMetadata> objects, Role role) {
    return parleyDeployments(objects).stream().filter(d -> roles(d).contains(role)).findFirst().orElseThrow();
  }

  private static Container parleyContainer(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(container -> container.getImage().contains("parley")).findFirst().orElseThrow();
  }

  private static Set<Role> roles(Deployment deployment) {
    return parleyContainer(deployment).getEnv().stream()
        .filter(variable -> variable.getName().equals(Main.ROLES_VARIABLE))
        .map(variable -> Role.parse(variable.getValue()))
        .findFirst().orElse(EnumSet.allOf(Role.class));
  }

  private static boolean selects(Map<String, String> selector, Deployment deployment) {
    Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
  }

  private static int portNumber(Container container, IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort).findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
  }

  private static Set<String> kinds(List<HasMetadata> objects) {
    return objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
  }

  private static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static List<HasMetadata> rendered(String overlay) throws Exception {
    // Newer kustomize versions print deprecation notes on stderr (the manifests use the forms the oldest understand).
    Path errors = Files.createTempFile("kustomize-", ".err");
    Process process = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(overlay).toString())
        .redirectError(errors.toFile()).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
    String problems = Files.readString(errors, StandardCharsets.UTF_8);
    Files.delete(errors);
    assertEquals(0, process.exitValue(), "kubectl kustomize " + overlay + " failed:\n" + problems);
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : output.split("(?m)^---$")) {
      if (!document.isBlank()) {
        objects.add(YAML.unmarshal(document, HasMetadata.class));
      }
    }
    return objects;
  }

  private static boolean kubectl() {
    try {
      Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
