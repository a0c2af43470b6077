{{/*
Environment of a component (its ConfigMap). Secrets are never here: see "vigil.secretEnv".
*/}}
{{- define "vigil.configData" -}}
{{- $root := .root }}
{{- $c := .component }}
{{- $v := $c.values }}
{{- $data := dict }}
{{- $kafka := $root.Values.kafka }}
{{- $_ := set $data "KAFKA_BOOTSTRAP_SERVERS" $kafka.bootstrapServers }}
{{- $_ := set $data "KAFKA_SECURITY_PROTOCOL" $kafka.securityProtocol }}
{{- if include "vigil.kafkaUsesSasl" $root }}
{{- $_ := set $data "KAFKA_SASL_MECHANISM" $kafka.sasl.mechanism }}
{{- end }}
{{- if and $kafka.tls.caSecret (hasSuffix "SSL" $kafka.securityProtocol) }}
{{- $_ := set $data "KAFKA_SSL_TRUSTSTORE_TYPE" "PEM" }}
{{- $_ := set $data "KAFKA_SSL_TRUSTSTORE_LOCATION" (printf "/etc/vigil/kafka-ca/%s" $kafka.tls.caKey) }}
{{- end }}
{{- if $c.database }}
{{- $db := $root.Values.database }}
{{- $name := index $db.names $c.database }}
{{- $upper := upper $c.database }}
{{- $jdbcTls := "" }}
{{- $dbCa := "" }}
{{- if and $db.tls.caSecret (ne $db.sslMode "disable") }}
{{- $dbCa = printf "/etc/vigil/db-ca/%s" $db.tls.caKey }}
{{- $jdbcTls = printf "&sslrootcert=%s" $dbCa }}
{{- end }}
{{- if $c.reactive }}
{{- $_ := set $data (printf "VIGIL_DB_%s_REACTIVE_URL" $upper) (printf "postgresql://%s:%d/%s?sslmode=%s" $db.host (int $db.port) $name $db.sslMode) }}
{{- if $dbCa }}
{{- $_ := set $data "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM" "true" }}
{{- $_ := set $data "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS" $dbCa }}
{{- else if has $db.sslMode (list "allow" "prefer" "require") }}
{{- /* libpq's meaning: encrypted, the server certificate not checked (the reactive client checks it otherwise) */}}
{{- $_ := set $data "QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL" "true" }}
{{- end }}
{{- if eq $db.sslMode "verify-full" }}
{{- $_ := set $data "QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM" "HTTPS" }}
{{- end }}
{{- end }}
{{- $_ := set $data (printf "VIGIL_DB_%s_JDBC_URL" $upper) (printf "jdbc:postgresql://%s:%d/%s?sslmode=%s%s" $db.host (int $db.port) $name $db.sslMode $jdbcTls) }}
{{- end }}
{{- if eq .key "heartbeatGateway" }}
{{- $_ := set $data "QUARKUS_HTTP_SSL_PORT" (toString $v.agentPort) }}
{{- $_ := set $data "QUARKUS_MANAGEMENT_PORT" (toString $v.managementPort) }}
{{- $_ := set $data "VIGIL_GATEWAY_TLS_MODE" $v.tlsMode }}
{{- $_ := set $data "VIGIL_GATEWAY_AGENTS_NETWORKS" (join "," $v.agentCidrs) }}
{{- $_ := set $data "VIGIL_GATEWAY_CA_DIR" "/etc/vigil/ca" }}
{{- $_ := set $data "VIGIL_GATEWAY_REGISTRY_URL" (printf "https://%s:%d" (include "vigil.internalServiceName" (dict "root" $root "key" "agentRegistry")) (int $root.Values.agentRegistry.internalPort)) }}
{{- $_ := set $data "QUARKUS_SHUTDOWN_TIMEOUT" $v.shutdownTimeout }}
{{- else }}
{{- $_ := set $data "QUARKUS_HTTP_PORT" (toString $v.port) }}
{{- end }}
{{- if eq .key "agentRegistry" }}
{{- $_ := set $data "VIGIL_REGISTRY_POLICY_SERVICE_URL" (printf "https://%s:%d" (include "vigil.internalServiceName" (dict "root" $root "key" "policyService")) (int $root.Values.policyService.internalPort)) }}
{{- $_ := set $data "VIGIL_REGISTRY_CA_CERTIFICATE" (printf "/etc/vigil/ca/%s" $root.Values.ca.certificateKey) }}
{{- end }}
{{- if $c.console }}
{{- $_ := set $data "VIGIL_API_KEYS_FILE" (printf "/etc/vigil/api-keys/%s" $root.Values.apiKeys.key) }}
{{- if and $root.Values.swaggerUi.enabled (ne .key "webConsole") }}
{{- $_ := set $data "QUARKUS_SWAGGER_UI_ENABLED" "true" }}
{{- end }}
{{- end }}
{{- /* logs and traces: the five services (web-console has neither extension yet) */}}
{{- if ne .key "webConsole" }}
{{- $_ := set $data "QUARKUS_LOG_CONSOLE_JSON_ENABLED" (toString $root.Values.logging.json) }}
{{- end }}
{{- if and $root.Values.tracing.enabled (ne .key "webConsole") }}
{{- $_ := set $data "QUARKUS_OTEL_SDK_DISABLED" "false" }}
{{- $_ := set $data "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" $root.Values.tracing.otlpEndpoint }}
{{- end }}
{{- if include "vigil.hasInternalPort" .key }}
{{- $_ := set $data "QUARKUS_HTTP_SSL_PORT" (toString $v.internalPort) }}
{{- $_ := set $data "VIGIL_SERVICE_TLS_CERTIFICATE" "/etc/vigil/service-tls/tls.crt" }}
{{- $_ := set $data "VIGIL_SERVICE_TLS_KEY" "/etc/vigil/service-tls/tls.key" }}
{{- $_ := set $data "VIGIL_SERVICE_TLS_CA" (printf "/etc/vigil/ca/%s" $root.Values.ca.certificateKey) }}
{{- end }}
{{- if eq .key "webConsole" }}
{{- /* the ingress routes /api to the console services: the console forwards nothing itself */}}
{{- $_ := set $data "VIGIL_CONSOLE_PROXY_ENABLED" "false" }}
{{- end }}
{{- if eq .key "siemForwarder" }}
{{- $_ := set $data "VIGIL_SIEM_SYSLOG_URL" $v.syslog.url }}
{{- if $v.syslog.trustSecret.name }}
{{- $_ := set $data "VIGIL_SIEM_TLS_TRUST_STORE" (printf "/etc/vigil/siem-trust/%s" $v.syslog.trustSecret.key) }}
{{- end }}
{{- end }}
{{- range $k, $val := $v.config }}
{{- $_ := set $data $k (toString $val) }}
{{- end }}
{{- toYaml $data }}
{{- end }}

{{/*
Env entries from Secrets: the service's own database login and its own Kafka user. (The console API keys are a mounted
file, only in the services that serve /api: see the deployment's api-keys volume.)
Call with (dict "root" $ "key" <values key> "component" $c).
*/}}
{{- define "vigil.secretEnv" -}}
{{- $root := .root }}
{{- if .component.database }}
{{- $login := index $root.Values.database.credentials .component.database }}
- name: VIGIL_DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ $login.existingSecret }}
      key: {{ $login.usernameKey }}
- name: VIGIL_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $login.existingSecret }}
      key: {{ $login.passwordKey }}
{{- end }}
{{- include "vigil.kafkaSecretEnv" (dict "root" $root "user" .key) }}
{{- end }}
