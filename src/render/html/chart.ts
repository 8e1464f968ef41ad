/** Geometry of the scorecard chart, computed here so the template only places shapes. */

import type { Assessment } from "../../model/assessment.js";
import { CAPABILITY_STATUSES } from "../../model/assessment.js";
import { STATUS_SWATCHES } from "./labels.js";

const WIDTH = 680;
const LABEL_WIDTH = 170;
const BAR_SPACE = 440;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 16;
const HEADING_HEIGHT = 26;
const CHIP_WIDTH = 88;
const CHIP_HEIGHT = 40;
const CHIP_GAP = 6;
const CHIPS_PER_LINE = Math.floor((WIDTH + CHIP_GAP) / (CHIP_WIDTH + CHIP_GAP));

export interface ChartBar {
  status: string;
  label: string;
  symbol: string;
  color: string;
  count: number;
  y: number;
  textY: number;
  barWidth: number;
  countX: number;
}

export interface ChartChip {
  code: string;
  href: string;
  label: string;
  symbol: string;
  color: string;
  tint: string;
  x: number;
  y: number;
  centerX: number;
  codeY: number;
  labelY: number;
}

export interface ChartView {
  width: number;
  height: number;
  barX: number;
  barHeight: number;
  barsHeadingY: number;
  chipsHeadingY: number;
  chipWidth: number;
  chipHeight: number;
  bars: ChartBar[];
  chips: ChartChip[];
  /** Text equivalent of the whole chart for assistive technology. */
  description: string;
}

/** Lays out status counts as bars and each capability as a labelled chip. */
export function buildChart(
  assessment: Assessment,
  capabilityHref: (code: string) => string,
): ChartView {
  const counts = CAPABILITY_STATUSES.map((status) => ({
    status,
    count: assessment.capabilities.filter(
      (capability) => capability.status === status,
    ).length,
  }));
  const maxCount = Math.max(1, ...counts.map((entry) => entry.count));

  const barsTop = HEADING_HEIGHT;
  const bars: ChartBar[] = counts.map(({ status, count }, index) => {
    const swatch = STATUS_SWATCHES[status];
    const y = barsTop + index * ROW_HEIGHT;
    const barWidth =
      count === 0 ? 0 : Math.max(3, Math.round((count / maxCount) * BAR_SPACE));
    return {
      status,
      label: swatch.label,
      symbol: swatch.symbol,
      color: swatch.color,
      count,
      y,
      textY: y + BAR_HEIGHT - 3,
      barWidth,
      countX: LABEL_WIDTH + barWidth + 6,
    };
  });

  const chipsHeadingY = barsTop + bars.length * ROW_HEIGHT + HEADING_HEIGHT - 4;
  const chipsTop = chipsHeadingY + 10;
  const chips: ChartChip[] = assessment.capabilities.map(
    (capability, index) => {
      const swatch = STATUS_SWATCHES[capability.status];
      const x = (index % CHIPS_PER_LINE) * (CHIP_WIDTH + CHIP_GAP);
      const y =
        chipsTop +
        Math.floor(index / CHIPS_PER_LINE) * (CHIP_HEIGHT + CHIP_GAP);
      return {
        code: capability.code,
        href: capabilityHref(capability.code),
        label: swatch.label,
        symbol: swatch.symbol,
        color: swatch.color,
        tint: swatch.tint,
        x,
        y,
        centerX: x + CHIP_WIDTH / 2,
        codeY: y + 17,
        labelY: y + 32,
      };
    },
  );
  const chipLines = Math.ceil(chips.length / CHIPS_PER_LINE);

  return {
    width: WIDTH,
    height: chipsTop + chipLines * (CHIP_HEIGHT + CHIP_GAP),
    barX: LABEL_WIDTH,
    barHeight: BAR_HEIGHT,
    barsHeadingY: HEADING_HEIGHT - 10,
    chipsHeadingY,
    chipWidth: CHIP_WIDTH,
    chipHeight: CHIP_HEIGHT,
    bars,
    chips,
    description: describeChart(bars, chips),
  };
}

function describeChart(bars: ChartBar[], chips: ChartChip[]): string {
  const counts = bars.map((bar) => `${bar.label}: ${bar.count}`).join(", ");
  const statuses = chips.map((chip) => `${chip.code} ${chip.label}`).join(", ");
  return `Capabilities per status: ${counts}. Status per capability: ${statuses || "none"}.`;
}
