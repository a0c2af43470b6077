{{/*
Topic-level configuration of one topic: its own, min.insync.replicas, and a retention override.
*/}}
{{- define "vigil.topicConfig" -}}
{{- $config := dict "min.insync.replicas" (toString .root.Values.topics.minInsyncReplicas) }}
{{- range $k, $v := .topic.config }}
{{- $_ := set $config $k (toString $v) }}
{{- end }}
{{- with index .root.Values.topics.retentionOverrides .topic.name }}
{{- if eq (index $config "cleanup.policy" | default "delete") "compact" }}
{{- fail (printf "topics.retentionOverrides: %s is compacted and has no time retention" $.topic.name) }}
{{- end }}
{{- $_ := set $config "retention.ms" (. | int64 | toString) }}
{{- end }}
{{- toYaml $config }}
{{- end }}
