/**
 * A stand-in for BSrE's AMS, for the local demo, the tests and test clusters: not a part of the
 * product. It serves the AMS contract (docs/ams-api.yaml, the product's {@code ams.api}) and knows
 * nothing else of the product, which knows it only by the address it calls; ArchitectureTest holds
 * both. The jar carries it as an auto-configuration ({@link id.go.kapuaskab.sandboxams.SandboxAmsConfiguration}),
 * and {@link id.go.kapuaskab.sandboxams.SandboxAmsApplication} runs it alone.
 */
package id.go.kapuaskab.sandboxams;
