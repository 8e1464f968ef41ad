import data from "./capabilities.json" with { type: "json" };

export interface Capability {
  code: string;
  clause: string;
  name: string;
}

export const CAPABILITY_STANDARD: string = data.standard;

/** The security capabilities in clause order. */
export const CAPABILITIES: readonly Capability[] = data.capabilities;

const byCode = new Map(
  CAPABILITIES.map((capability) => [capability.code, capability]),
);

export function findCapability(code: string): Capability | undefined {
  return byCode.get(code.toUpperCase());
}

export function isCapabilityCode(code: string): boolean {
  return byCode.has(code.toUpperCase());
}
