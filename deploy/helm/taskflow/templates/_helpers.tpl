{{/* Chart name, overridable. */}}
{{- define "taskflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Release-derived base name. Cut to 47 characters so the longest suffix the chart appends
("-migrate-install" or "-test-web-health", 16 characters) still yields a valid 63-character DNS label.
*/}}
{{- define "taskflow.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 47 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 47 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 47 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "taskflow.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full recommended labels. Call with (dict "root" $ "component" "api"). */}}
{{- define "taskflow.labels" -}}
helm.sh/chart: {{ include "taskflow.chart" .root }}
{{ include "taskflow.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: taskflow
{{- end }}

{{/* Minimal, immutable selector labels. */}}
{{- define "taskflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "taskflow.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end }}

{{/*
NetworkPolicy pod selector for one component. Polaris's missingNetworkPolicy check requires
exactly one matchLabels entry to match the pod, so the release is matched by expression.
*/}}
{{- define "taskflow.policySelector" -}}
matchLabels:
  app.kubernetes.io/component: {{ .component }}
matchExpressions:
  - key: app.kubernetes.io/instance
    operator: In
    values: [{{ .root.Release.Name | quote }}]
{{- end }}

{{/* Peer selector (NetworkPolicy "from"/"to") for one component of this release. */}}
{{- define "taskflow.peer" -}}
podSelector:
  matchLabels:
    app.kubernetes.io/instance: {{ .root.Release.Name }}
    app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Fixed facts of each Node service, from docs/configuration.md (the runtime contract). */}}
{{- define "taskflow.components" -}}
web:
  containerPort: 3000
  command: ["node", "apps/web/server.js"]
api:
  containerPort: 8000
  command: ["node", "apps/api/dist/server.js"]
mcp:
  containerPort: 8080
  command: ["node", "apps/mcp/dist/server.js"]
{{- end }}

{{/* Names of the Node services this release runs, in a stable order. */}}
{{- define "taskflow.enabledComponents" -}}
{{- $list := list "web" "api" }}
{{- if .Values.mcp.enabled }}{{ $list = append $list "mcp" }}{{ end }}
{{- toJson $list }}
{{- end }}

{{- define "taskflow.componentName" -}}
{{- printf "%s-%s" (include "taskflow.fullname" .root) .component }}
{{- end }}

{{- define "taskflow.postgresName" -}}
{{- printf "%s-postgresql" (include "taskflow.fullname" .) }}
{{- end }}

{{/* image reference: repository:tag, tag defaulting to appVersion, `latest` refused. */}}
{{- define "taskflow.image" -}}
{{- $tag := default .root.Chart.AppVersion .image.tag | toString }}
{{- if eq $tag "latest" }}
{{- fail (printf "%s: image tag \"latest\" is not allowed; use a version or content hash" .what) }}
{{- end }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}

{{/* Name of the Secret holding the app secrets. */}}
{{- define "taskflow.secretName" -}}
{{- default (include "taskflow.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* Secret name/key that hold DATABASE_URL. */}}
{{- define "taskflow.databaseUrlRef" -}}
{{- if and (eq .Values.database.mode "external") (not .Values.database.external.existingSecret) (not .Values.secrets.existingSecret) }}
{{- fail "database.mode=external needs database.external.existingSecret (or secrets.existingSecret) holding DATABASE_URL" }}
{{- end }}
{{- if and (eq .Values.database.mode "external") .Values.database.external.existingSecret }}
name: {{ .Values.database.external.existingSecret }}
key: {{ .Values.database.external.existingSecretKey }}
{{- else }}
name: {{ include "taskflow.secretName" . }}
key: DATABASE_URL
{{- end }}
{{- end }}

{{/* The public URL (BETTER_AUTH_URL). */}}
{{- define "taskflow.publicUrl" -}}
{{- if .Values.publicUrl }}
{{- .Values.publicUrl | trimSuffix "/" }}
{{- else if .Values.ingress.enabled }}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host }}
{{- else if and .Values.gateway.enabled .Values.gateway.hostnames }}
{{- printf "http://%s" (first .Values.gateway.hostnames) }}
{{- else }}
{{- print "http://localhost:3000" }}
{{- end }}
{{- end }}

{{/* Existing generated Secret (empty dict under `helm template` or on first install). */}}
{{- define "taskflow.existingGeneratedSecretData" -}}
{{- $s := lookup "v1" "Secret" .Release.Namespace (include "taskflow.fullname" .) }}
{{- toJson (default dict (get (default dict $s) "data")) }}
{{- end }}

{{/* "true" when the api should be allowed to reach an LLM. */}}
{{- define "taskflow.llmEnabled" -}}
{{- $existing := include "taskflow.existingGeneratedSecretData" . | fromJson }}
{{- if or .Values.llm.enabled .Values.secrets.openaiApiKey (and (not .Values.secrets.existingSecret) (hasKey $existing "OPENAI_API_KEY")) }}true{{ end }}
{{- end }}

{{/* Pod security context meeting the PSS "restricted" profile. Call with (dict "uid" .. "gid" .. "fsGroup" ..). */}}
{{- define "taskflow.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .gid }}
fsGroup: {{ .fsGroup }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "taskflow.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* terminationGracePeriodSeconds = preStop pause + SHUTDOWN_GRACE_MS (rounded up) + buffer. */}}
{{- define "taskflow.terminationGrace" -}}
{{- $drain := div (add (int .Values.config.shutdownGraceMs) 999) 1000 }}
{{- add (int .Values.lifecycle.preStopSleepSeconds) $drain (int .Values.lifecycle.terminationBufferSeconds) }}
{{- end }}

{{/*
Polaris exemptions shared by every workload of the chart; each carries its reason here.
- metadataAndInstanceMismatched: app.kubernetes.io/instance is the Helm release name shared by all
  components (Helm's convention); components differ by app.kubernetes.io/component.
- priorityClassNotSet: only when priorityClassName is empty; a PriorityClass is cluster-scoped
  and must be created by the cluster admin, so the chart cannot assume one.
- pullPolicyNotAlways: only when the policy is not Always; tags are immutable (version or
  content hash), and Minikube-built images must not be pulled at all.
*/}}
{{- define "taskflow.polarisExemptions" -}}
polaris.fairwinds.com/metadataAndInstanceMismatched-exempt: "true"
{{- if not .root.Values.priorityClassName }}
polaris.fairwinds.com/priorityClassNotSet-exempt: "true"
{{- end }}
{{- if ne .pullPolicy "Always" }}
polaris.fairwinds.com/pullPolicyNotAlways-exempt: "true"
{{- end }}
{{- end }}

{{/* Replica count a component effectively runs with (HPA minimum when autoscaling). */}}
{{- define "taskflow.effectiveReplicas" -}}
{{- if .values.autoscaling.enabled }}{{ .values.autoscaling.minReplicas }}{{ else }}{{ .values.replicas }}{{ end }}
{{- end }}

{{/* Volumes for a read-only root filesystem. */}}
{{- define "taskflow.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- end }}

{{/* NetworkPolicy egress rules shared by several policies. */}}
{{- define "taskflow.np.dns" -}}
- ports:
    - { port: 53, protocol: UDP }
    - { port: 53, protocol: TCP }
{{- end }}
{{- define "taskflow.np.database" -}}
{{- if eq .Values.database.mode "bundled" }}
- to:
    - {{ include "taskflow.peer" (dict "root" . "component" "postgresql") | indent 6 | trim }}
  ports:
    - { port: 5432, protocol: TCP }
{{- else }}
- to:
    - ipBlock:
        cidr: {{ .Values.database.external.cidr }}
  ports:
    - { port: {{ .Values.database.external.port }}, protocol: TCP }
{{- end }}
{{- end }}

{{/*
Secret-backed env of one container: only the keys that component reads (docs/configuration.md).
The migration job runs the api image with the api's configuration, so it gets the api set.
*/}}
{{- define "taskflow.secretEnv" -}}
{{- if eq .component "api" }}
- name: BETTER_AUTH_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "taskflow.secretName" .root }}
      key: BETTER_AUTH_SECRET
{{- end }}
{{- if ne .component "web" }}
- name: MCP_TOKEN_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "taskflow.secretName" .root }}
      key: MCP_TOKEN_SECRET
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      {{- include "taskflow.databaseUrlRef" .root | trim | nindent 6 }}
{{- end }}
{{- if eq .component "api" }}
- name: OPENAI_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "taskflow.secretName" .root }}
      key: OPENAI_API_KEY
      # Absent key: the api runs the offline assistant.
      optional: true
{{- end }}
{{- end }}
