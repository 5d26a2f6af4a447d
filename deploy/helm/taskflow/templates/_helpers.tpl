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
  command: ["/nodejs/bin/node", "apps/web/server.js"]
api:
  containerPort: 8000
  command: ["/nodejs/bin/node", "apps/api/dist/server.js"]
mcp:
  containerPort: 8080
  command: ["/nodejs/bin/node", "apps/mcp/dist/server.js"]
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

{{/*
"https" or "http" for the Gateway hostnames: gateway.scheme when set, else https when a parent
Gateway (looked up in the cluster) has an HTTPS listener the route can attach to (its sectionName,
when given), else http. `helm template` cannot look up, so it says http unless gateway.scheme is set.
*/}}
{{- define "taskflow.gatewayScheme" -}}
{{- if .Values.gateway.scheme }}
{{- .Values.gateway.scheme }}
{{- else }}
{{- $https := false }}
{{- range $ref := .Values.gateway.parentRefs }}
{{- $gw := lookup "gateway.networking.k8s.io/v1" "Gateway" (default $.Release.Namespace $ref.namespace) $ref.name }}
{{- range $l := (default list (default dict (default dict $gw).spec).listeners) }}
{{- if and (eq (upper (toString $l.protocol)) "HTTPS") (or (not $ref.sectionName) (eq (toString $ref.sectionName) (toString $l.name))) }}
{{- $https = true }}
{{- end }}
{{- end }}
{{- end }}
{{- ternary "https" "http" $https }}
{{- end }}
{{- end }}

{{/* The public URL (BETTER_AUTH_URL). */}}
{{- define "taskflow.publicUrl" -}}
{{- if .Values.publicUrl }}
{{- .Values.publicUrl | trimSuffix "/" }}
{{- else if .Values.ingress.enabled }}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host }}
{{- else if and .Values.gateway.enabled .Values.gateway.hostnames }}
{{- printf "%s://%s" (include "taskflow.gatewayScheme" .) (first .Values.gateway.hostnames) }}
{{- else }}
{{- print "http://localhost:3000" }}
{{- end }}
{{- end }}

{{/*
Every origin the web is reached at besides the public URL (BETTER_AUTH_TRUSTED_ORIGINS):
trustedOrigins, the ingress host, every Gateway hostname and, for a NodePort web Service with a
fixed nodePort, http://<node>:<nodePort> for each web.service.nodeHosts entry and each node address
the cluster reports (lookup; what `minikube ip` prints).
*/}}
{{- define "taskflow.trustedOrigins" -}}
{{- $public := include "taskflow.publicUrl" . }}
{{- $origins := list }}
{{- range .Values.trustedOrigins }}{{ $origins = append $origins (trimSuffix "/" .) }}{{ end }}
{{- if .Values.ingress.enabled }}
{{- $origins = append $origins (printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host) }}
{{- end }}
{{- if .Values.gateway.enabled }}
{{- $scheme := include "taskflow.gatewayScheme" . }}
{{- range .Values.gateway.hostnames }}{{ $origins = append $origins (printf "%s://%s" $scheme .) }}{{ end }}
{{- end }}
{{- $svc := .Values.web.service }}
{{- if and (eq $svc.type "NodePort") $svc.nodePort }}
{{- $hosts := default list $svc.nodeHosts }}
{{- range $node := (default list (default dict (lookup "v1" "Node" "" "")).items) }}
{{- range $a := (default list (default dict $node.status).addresses) }}
{{- if has $a.type (list "InternalIP" "ExternalIP") }}{{ $hosts = append $hosts $a.address }}{{ end }}
{{- end }}
{{- end }}
{{- range $hosts }}{{ $origins = append $origins (printf "http://%s:%v" . $svc.nodePort) }}{{ end }}
{{- end }}
{{- without (uniq $origins) $public | join "," }}
{{- end }}

{{/*
MCP_PUBLIC_URL: mcp.publicUrl when set; <publicUrl>/mcp when the Ingress or HTTPRoute routes /mcp
on the public host; else the documented port-forward of the mcp Service (the web does not serve
/mcp): http://localhost:8080/mcp.
*/}}
{{- define "taskflow.mcpPublicUrl" -}}
{{- $public := include "taskflow.publicUrl" . }}
{{- $host := (urlParse $public).hostname }}
{{- $viaIngress := and .Values.ingress.enabled (eq $host .Values.ingress.host) }}
{{- $viaGateway := and .Values.gateway.enabled (has $host .Values.gateway.hostnames) }}
{{- if .Values.mcp.publicUrl }}
{{- .Values.mcp.publicUrl }}
{{- else if and .Values.mcp.expose (or $viaIngress $viaGateway) }}
{{- printf "%s/mcp" $public }}
{{- else }}
{{- print "http://localhost:8080/mcp" }}
{{- end }}
{{- end }}

{{/* Data of a live Secret, as a JSON object of base64 values ({} under `helm template`). */}}
{{- define "taskflow.liveSecretData" -}}
{{- $s := lookup "v1" "Secret" .root.Release.Namespace .name }}
{{- toJson (default dict (get (default dict $s) "data")) }}
{{- end }}

{{/* Existing generated Secret (empty dict under `helm template` or on first install). */}}
{{- define "taskflow.existingGeneratedSecretData" -}}
{{- include "taskflow.liveSecretData" (dict "root" . "name" (include "taskflow.fullname" .)) }}
{{- end }}

{{/*
The generated Secret's data (base64 values), computed once per render and cached on the root
context: secret.yaml renders it and the pod checksums hash it, so both see the same values (the
kept ones on upgrade, the same fresh random ones on install). Empty with secrets.existingSecret.
*/}}
{{- define "taskflow.secretData" -}}
{{- if not (hasKey . "taskflowSecretData") }}
{{- $data := dict }}
{{- if not .Values.secrets.existingSecret }}
{{- $old := include "taskflow.existingGeneratedSecretData" . | fromJson }}
{{- $keep := dict }}
{{- range $k := list "BETTER_AUTH_SECRET" "MCP_TOKEN_SECRET" "POSTGRES_PASSWORD" "OPENAI_API_KEY" }}
{{- if hasKey $old $k }}{{ $_ := set $keep $k (get $old $k | b64dec) }}{{ end }}
{{- end }}
{{- $_ := set $data "BETTER_AUTH_SECRET" (default (randAlphaNum 48) (get $keep "BETTER_AUTH_SECRET") | b64enc) }}
{{- $_ := set $data "MCP_TOKEN_SECRET" (default (randAlphaNum 48) (get $keep "MCP_TOKEN_SECRET") | b64enc) }}
{{- $openai := .Values.secrets.openaiApiKey | default (get $keep "OPENAI_API_KEY") }}
{{- if $openai }}{{ $_ := set $data "OPENAI_API_KEY" ($openai | b64enc) }}{{ end }}
{{- if eq .Values.database.mode "bundled" }}
{{- $pg := default (randAlphaNum 32) (get $keep "POSTGRES_PASSWORD") }}
{{- $db := .Values.database.bundled }}
{{- $_ := set $data "POSTGRES_PASSWORD" ($pg | b64enc) }}
{{- $_ := set $data "DATABASE_URL" (printf "postgres://%s:%s@%s:5432/%s" $db.username $pg (include "taskflow.postgresName" .) $db.database | b64enc) }}
{{- end }}
{{- end }}
{{- $_ := set . "taskflowSecretData" $data }}
{{- end }}
{{- toJson (get . "taskflowSecretData") }}
{{- end }}

{{/*
checksum/secret of a workload: SHA-256 over the Secret keys its containers read (its env list,
given as YAML) and their values, sorted. Values come from the data the chart renders for its own
Secret, else from the live Secret (lookup). Empty when the workload reads no Secret. A pod rolls
exactly when something it reads changes, and the first upgrade after an install rolls nothing.
*/}}
{{- define "taskflow.secretChecksum" -}}
{{- $root := .root }}
{{- $own := ternary "" (include "taskflow.fullname" $root) (not (empty $root.Values.secrets.existingSecret)) }}
{{- $lines := list }}
{{- range $e := .env | fromYamlArray }}
{{- with (default dict (default dict $e.valueFrom).secretKeyRef) }}
{{- $data := ternary (include "taskflow.secretData" $root) (include "taskflow.liveSecretData" (dict "root" $root "name" .name)) (eq .name $own) | fromJson }}
{{- $lines = append $lines (printf "%s/%s=%s" .name .key (get $data .key)) }}
{{- end }}
{{- end }}
{{- if $lines }}{{ $lines | sortAlpha | join "\n" | sha256sum }}{{ end }}
{{- end }}

{{/* "true" when the api should be allowed to reach an LLM: llm.enabled, or a key in the Secret. */}}
{{- define "taskflow.llmEnabled" -}}
{{- $data := include "taskflow.secretData" . | fromJson }}
{{- if .Values.secrets.existingSecret }}
{{- $data = include "taskflow.liveSecretData" (dict "root" . "name" .Values.secrets.existingSecret) | fromJson }}
{{- end }}
{{- if or .Values.llm.enabled (get $data "OPENAI_API_KEY") }}true{{ end }}
{{- end }}

{{/*
Volume size and StorageClass of the database's volumeClaimTemplates: the live StatefulSet's on
upgrade (volumeClaimTemplates are immutable, so switching values files must not change them),
else the values'. JSON {size, storageClass, valuesSize}.
*/}}
{{- define "taskflow.postgresVolume" -}}
{{- $p := .Values.database.bundled.persistence }}
{{- $out := dict "size" $p.size "storageClass" $p.storageClass "valuesSize" $p.size }}
{{- $live := lookup "apps/v1" "StatefulSet" .Release.Namespace (include "taskflow.postgresName" .) }}
{{- range $t := (default list (default dict (default dict $live).spec).volumeClaimTemplates) }}
{{- if eq $t.metadata.name "data" }}
{{- $_ := set $out "size" $t.spec.resources.requests.storage }}
{{- $_ := set $out "storageClass" (default "" $t.spec.storageClassName) }}
{{- end }}
{{- end }}
{{- toJson $out }}
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

{{/* The one Secret value PostgreSQL reads. */}}
{{- define "taskflow.postgresSecretEnv" -}}
- name: POSTGRES_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "taskflow.secretName" . }}
      key: POSTGRES_PASSWORD
{{- end }}

{{/*
DATABASE_MIGRATION_URL for the migration Job: an optional direct (non-pooled) URL in the same
Secret as DATABASE_URL, for databases behind a transaction pooler (Neon's -pooler host). Absent
key: the Job migrates through DATABASE_URL. The chart's generated Secret never holds one (the
bundled database has no pooler).
*/}}
{{- define "taskflow.migrationUrlEnv" -}}
{{- $external := and (eq .Values.database.mode "external") .Values.database.external.existingSecret }}
{{- if or $external .Values.secrets.existingSecret }}
- name: DATABASE_MIGRATION_URL
  valueFrom:
    secretKeyRef:
      name: {{ ternary .Values.database.external.existingSecret .Values.secrets.existingSecret (not (empty $external)) }}
      key: {{ ternary .Values.database.external.migrationUrlKey "DATABASE_MIGRATION_URL" (not (empty $external)) }}
      optional: true
{{- end }}
{{- end }}
