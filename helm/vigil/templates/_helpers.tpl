{{/*
Chart name, truncated to the 63 characters of a DNS label.
*/}}
{{- define "vigil.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified release name (63 characters at most); components append their name to it.
*/}}
{{- define "vigil.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "vigil.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of every resource.
*/}}
{{- define "vigil.labels" -}}
helm.sh/chart: {{ include "vigil.chart" . }}
app.kubernetes.io/name: {{ include "vigil.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: vigil
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The components: values key -> name, database (empty: none), whether it also uses the reactive PostgreSQL client (besides
JDBC for Flyway) and whether it takes console API keys (web-console: for its event stream). The order is the order of
the rendered resources.
*/}}
{{- define "vigil.componentTable" -}}
heartbeatGateway: {name: heartbeat-gateway, database: "", reactive: false, console: false}
policyService: {name: policy-service, database: policy, reactive: true, console: true}
agentRegistry: {name: agent-registry, database: registry, reactive: false, console: true}
alertService: {name: alert-service, database: alerts, reactive: true, console: true}
siemForwarder: {name: siem-forwarder, database: "", reactive: false, console: false}
webConsole: {name: web-console, database: "", reactive: false, console: true}
{{- end }}

{{/*
Keys of the enabled components, as a YAML list (use with fromYamlArray).
*/}}
{{- define "vigil.enabledComponents" -}}
{{- $keys := list "heartbeatGateway" "policyService" "agentRegistry" "alertService" }}
{{- if .Values.siemForwarder.enabled }}
{{- $keys = append $keys "siemForwarder" }}
{{- end }}
{{- if .Values.webConsole.enabled }}
{{- $keys = append $keys "webConsole" }}
{{- end }}
{{- toYaml $keys }}
{{- end }}

{{/*
Component context: include "vigil.component" (dict "root" $ "key" "policyService") | fromYaml
gives name, fullname, database, reactive, console, httpPort and the component's values.
*/}}
{{- define "vigil.component" -}}
{{- $meta := index (include "vigil.componentTable" .root | fromYaml) .key }}
{{- $values := index .root.Values .key }}
{{- $httpPort := $values.port }}
{{- if eq .key "heartbeatGateway" }}
{{- $httpPort = $values.managementPort }}
{{- end }}
name: {{ $meta.name }}
fullname: {{ printf "%s-%s" (include "vigil.fullname" .root | trunc (int (sub 62 (len $meta.name)))) $meta.name | trimSuffix "-" }}
database: {{ $meta.database | quote }}
reactive: {{ $meta.reactive }}
console: {{ $meta.console }}
httpPort: {{ $httpPort }}
values:
  {{- toYaml $values | nindent 2 }}
{{- end }}

{{/*
Selector labels of a component: name, instance and component. Call with (dict "root" $ "component" $c).
*/}}
{{- define "vigil.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vigil.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component.name }}
{{- end }}

{{- define "vigil.componentLabels" -}}
{{ include "vigil.labels" .root }}
app.kubernetes.io/component: {{ .component.name }}
{{- end }}

{{/*
Service name of a component by values key: include "vigil.serviceName" (dict "root" $ "key" "agentRegistry").
*/}}
{{- define "vigil.serviceName" -}}
{{- (include "vigil.component" . | fromYaml).fullname }}
{{- end }}

{{/*
Whether a component (values key) serves internal endpoints on its own TLS port: "true" or "".
*/}}
{{- define "vigil.hasInternalPort" -}}
{{- if has . (list "agentRegistry" "policyService") }}true{{ end }}
{{- end }}

{{/*
The Service of a component's internal port (never the console Service): include "vigil.internalServiceName"
(dict "root" $ "key" "agentRegistry").
*/}}
{{- define "vigil.internalServiceName" -}}
{{- printf "%s-internal" ((include "vigil.component" . | fromYaml).fullname | trunc 54 | trimSuffix "-") }}
{{- end }}

{{/*
The kubernetes.io/tls Secret with a component's service certificate (urn:vigil:service:<name>):
include "vigil.serviceTlsSecret" (dict "root" $ "key" "agentRegistry").
*/}}
{{- define "vigil.serviceTlsSecret" -}}
{{- $c := include "vigil.component" . | fromYaml }}
{{- $given := index .root.Values.internalTls (printf "%sSecret" .key) }}
{{- default (printf "%s-tls" ($c.fullname | trunc 59 | trimSuffix "-")) $given }}
{{- end }}

{{- define "vigil.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "vigil.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference of a component.
*/}}
{{- define "vigil.image" -}}
{{- $img := .root.Values.image }}
{{- if $img.digest }}
{{- printf "%s/%s@%s" $img.registry .component.values.image.repository $img.digest }}
{{- else }}
{{- printf "%s/%s:%s" $img.registry .component.values.image.repository (default .root.Chart.AppVersion $img.tag) }}
{{- end }}
{{- end }}

{{/*
Image reference of a hook Job: image@digest when its digest is set. An install that pins the services by digest
(image.digest) must pin every Job image too: the chart cannot know the digest a registry serves for a third-party tag.
*/}}
{{- define "vigil.jobImage" -}}
{{- if .digest }}
{{- printf "%s@%s" .image .digest }}
{{- else if .root.Values.image.digest }}
{{- fail (printf "%s is required when image.digest pins the services: set it to the digest your registry serves for %s" .param .image) }}
{{- else }}
{{- .image }}
{{- end }}
{{- end }}

{{/*
Name of the Secret that holds the platform CA.
*/}}
{{- define "vigil.caSecretName" -}}
{{- default (printf "%s-ca" (include "vigil.fullname" .)) .Values.ca.existingSecret }}
{{- end }}

{{- define "vigil.kafkaUsesSasl" -}}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol }}true{{- end }}
{{- end }}

{{/*
Env entry with the Kafka SASL JAAS configuration of one Kafka user (none without SASL): the whole
sasl.jaas.config from that user's own Secret, as Strimzi writes it. Call with (dict "root" $ "user" "policyService").
*/}}
{{- define "vigil.kafkaSecretEnv" -}}
{{- if include "vigil.kafkaUsesSasl" .root }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ index .root.Values.kafka.sasl.users .user }}
      key: {{ .root.Values.kafka.sasl.jaasConfigKey }}
{{- end }}
{{- end }}

{{/*
Whether the chart renders Strimzi KafkaUsers: topics.mode strimzi, a SASL protocol and kafka.sasl.strimziUsers.
*/}}
{{- define "vigil.strimziUsers" -}}
{{- if and (eq .Values.topics.mode "strimzi") (include "vigil.kafkaUsesSasl" .) .Values.kafka.sasl.strimziUsers }}true{{- end }}
{{- end }}

{{/*
The console routes of the contract: one regular expression per rule, mutually exclusive, each anchored at both
ends (ingress-nginx adds the leading ^ itself). /internal and /q are never routed. The web console's page, scripts and
event stream live under /console/ (and / redirects there); without the web console they are not routed.
*/}}
{{- define "vigil.consoleRoutes" -}}
- path: /api/computers/[^/]+/settings(/.*)?$
  component: policyService
- path: /api/policies(/.*)?$
  component: policyService
- path: /api/apikeys(/.*)?$
  component: policyService
- path: /api/computers/[^/]+/configuration$
  component: agentRegistry
- path: /api/computers(/[^/]+)?/?$
  component: agentRegistry
- path: /api/activationtokens(/.*)?$
  component: agentRegistry
- path: /api/alerts(/.*)?$
  component: alertService
{{- if .Values.webConsole.enabled }}
- path: /$
  component: webConsole
- path: /console(/.*)?$
  component: webConsole
{{- end }}
{{- end }}
