/**
 * Answer profiles of fictional devices for HN 1-2019 sample workbooks. The
 * vendors, models, addresses and answers are invented; question text in the
 * samples is this project's short labels, not the form's wording.
 */

import type { Polarity } from "../forms/edition-data.js";
import { HN1_2019 } from "../forms/hn1-2019/index.js";

export interface SampleLayout {
  sheetName: string;
  /** Rows above the banner row (0 puts the banner in row 1). */
  rowOffset: number;
  /** Columns left of the ID column (0 puts IDs in column A). */
  columnOffset: number;
  /** Sheets written before the form sheet, e.g. an instructions sheet. */
  sheetsBefore: string[];
}

export interface Sample2019Profile {
  /** File stem of the sample workbook. */
  name: string;
  device: {
    manufacturer: string;
    description: string;
    model: string;
    documentId: string;
    contact: string;
    intendedUse: string;
    /** ISO date, written as a date cell. */
    releaseDate: string;
  };
  /** Answer cell text of yes/no questions by polarity, unless `answers` names the question. */
  defaults: Record<Exclude<Polarity, "text">, string>;
  /** Answer cell text by canonical question ID. */
  answers: Record<string, string>;
  /** Note cell text by question ID; `__` elsewhere. */
  noteRefs: Record<string, string>;
  notes: { number: number; text: string }[];
  /** Text under "other security considerations". */
  other: string;
  layout: SampleLayout;
}

/** A Windows 10 imaging workstation with most security capabilities. */
export const IMAGING_WORKSTATION: Sample2019Profile = {
  name: "northwind-ni4500-imaging-workstation",
  device: {
    manufacturer: "Northwind Imaging Ltd.",
    description: "Diagnostic imaging review workstation",
    model: "NI-4500",
    documentId: "NWI-MDS2-4500-r3",
    contact: "product.security@northwind-imaging.example",
    intendedUse: "Retrieves studies from PACS over DICOM and reports results to the RIS over HL7",
    releaseDate: "2024-05-14",
  },
  defaults: { capability: "Yes", exposure: "No", info: "No" },
  answers: {
    "DOC-11.1": "N/A",
    "DOC-11.2": "N/A",
    "DOC-11.3": "N/A",
    "DOC-11.4": "N/A",
    "MPII-1": "Yes",
    "MPII-2": "Yes",
    "MPII-2.1": "Yes",
    "MPII-2.2": "Yes",
    "MPII-2.3": "Yes",
    "MPII-2.4": "Yes",
    "MPII-2.6": "Yes",
    "MPII-2.7": "Yes",
    "MPII-3": "Yes",
    "MPII-3.1": "Yes",
    "MPII-3.2": "Yes",
    "MPII-3.3": "Yes, DVD export for patients",
    "MPII-3.5": "Yes",
    "AUDT-1.2": "Yes, patient ID in study events",
    "CSUP-1": "Yes",
    "CSUP-2": "Yes, Windows 10 IoT Enterprise LTSC 2019",
    "CSUP-2.2": "No",
    "CSUP-3": "Yes",
    "CSUP-4": "Yes",
    "CSUP-5": "Yes",
    "CSUP-6": "No",
    "CSUP-6.1": "N/A",
    "CSUP-6.2": "N/A",
    "CSUP-6.3": "N/A",
    "CSUP-6.4": "N/A",
    "MLDP-1": "Yes",
    "MLDP-2.8": "Yes, validated products only",
    "MLDP-3": "N/A",
    "CONN-1": "Yes",
    "CONN-1.1": "Yes",
    "CONN-1.1.1": "Yes",
    "CONN-1.2": "Yes",
    "CONN-1.2.1": "Yes",
    "CONN-1.2.2": "Yes",
    "CONN-1.2.3": "Yes",
    "CONN-3": "Yes",
    "CONN-4": "Yes",
    "CONN-5": 'Yes,"DICOMweb, HL7 FHIR"',
    "PAUT-11": "No",
    "PAUT-12": "Yes, smart card",
    "PAUT-14": "Yes",
    "PLOK-1": "No",
    "STCF-3": "Yes",
    "TXCF-1": "No",
    "RMOT-1": "Yes",
    "RMOT-2": "Yes",
    "RMOT-3": "Yes, software updates",
  },
  noteRefs: {
    "DOC-10": "See Note 1",
    "CSUP-2": "See Note 2",
    "MLDP-2": "See Note 3",
    "RMOT-1": "See Note 4 ",
  },
  notes: [
    { number: 1, text: "A network and data-flow diagram is part of the installation manual." },
    {
      number: 2,
      text: "The workstation runs Windows 10 IoT Enterprise LTSC 2019. Microsoft security updates are validated and released within 30 days.",
    },
    { number: 3, text: "Microsoft Defender Antivirus is enabled; validated third-party products are listed on the support site." },
    {
      number: 4,
      text: "Remote service uses the vendor gateway over TLS 1.2; the site administrator must accept each session.",
    },
  ],
  other: "Deploy the workstation in the imaging VLAN behind the hospital firewall.",
  layout: { sheetName: "mds2-form", rowOffset: 0, columnOffset: 0, sheetsBefore: [] },
};

/**
 * A Windows 7 embedded infusion pump with gaps, See-note answers, comments
 * after values, spelling variants and one unrecognized value (`Partial`).
 */
export const INFUSION_PUMP: Sample2019Profile = {
  name: "harbor-his220-infusion-pump",
  device: {
    manufacturer: "Harbor Infusion Systems",
    description: "Large-volume infusion pump with drug library",
    model: "HIS-220",
    documentId: "HIS-220-MDS2-2021",
    contact: "Harbor Infusion Systems, Security Office, security@harbor-infusion.example",
    intendedUse: "Receives drug library updates and sends infusion events to the EHR gateway over Wi-Fi",
    releaseDate: "2021-02-03",
  },
  defaults: { capability: "No", exposure: "No", info: "No" },
  answers: {
    "DOC-10": "Yes, see IFU",
    "DOC-11.1": "N/A",
    "DOC-11.2": "N/A",
    "DOC-11.3": "N/A",
    "DOC-11.4": "N/A",
    "MPII-1": "Yes",
    "MPII-2": "Yes",
    "MPII-2.2": "Yes",
    "MPII-2.3": "Yes",
    "MPII-2.6": "Yes",
    "MPII-2.7": "Yes",
    "MPII-3": "Yes",
    "MPII-3.1": "Y",
    "MPII-3.5": "Yes",
    "MPII-3.6": "Yes,WiFi",
    "ALOF-2": "N/A",
    "AUDT-1": "Yes",
    "AUDT-1.1": "Yes*",
    "AUDT-2": "Yes",
    "AUDT-2.1": "Yes",
    "AUDT-2.2": "Yes",
    "AUDT-2.5": "N/A",
    "AUDT-2.6": "Yes",
    "AUDT-2.7": "N/A",
    "AUDT-2.8": "Yes",
    "AUDT-2.8.2": "N/A",
    "AUDT-2.9": "N/A",
    "AUDT-2.10": "Yes",
    "AUDT-4": "Yes",
    "AUDT-4.1": "Yes",
    "AUDT-5": "Yes",
    "AUDT-5.1": "Yes, service USB only",
    "AUDT-6": "Yes,Admin only",
    "AUDT-7": "N",
    "AUTH-1": "Yes",
    "AUTH-2": "Partial",
    "AUTH-4": "N/A",
    "AUTH-5": "Yes",
    "CSUP-1": "Yes",
    "CSUP-2": "Yes, Windows Embedded Standard 7",
    "CSUP-2.2": "Yes",
    "CSUP-3": "Yes",
    "CSUP-3.2": "Yes",
    "CSUP-4.1": "N/A",
    "CSUP-4.2": "N/A",
    "CSUP-4.3": "N/A",
    "CSUP-4.4": "N/A",
    "CSUP-5.1": "N/A",
    "CSUP-5.2": "N/A",
    "CSUP-5.3": "N/A",
    "CSUP-5.4": "N/A",
    "CSUP-6.1": "N/A",
    "CSUP-6.2": "N/A",
    "CSUP-6.3": "N/A",
    "CSUP-6.4": "N/A",
    "CSUP-7": "Yes",
    "CSUP-11": "Yes",
    "CSUP-11.1": "See note 2",
    "CSUP-11.2": "Yes",
    "DIDT-1.1": "N/A",
    "DTBK-2": "Yes",
    "DTBK-5": "Yes",
    "EMRG-1": "N/A",
    "MLDP-1": "Yes",
    "MLDP-2.1": "N/A",
    "MLDP-2.2": "N/A",
    "MLDP-2.3": "N/A",
    "MLDP-2.4": "N/A",
    "MLDP-2.5": "N/A",
    "MLDP-2.6": "N/A",
    "MLDP-2.7": "N/A",
    "MLDP-2.8": "N/A",
    "MLDP-3": "See Notes",
    "MLDP-4": "Yes - see note 3",
    "MLDP-5.1": "N/A",
    "MLDP-5.2": "N/A",
    "NAUT-2": "Yes: Windows Firewall, inbound rules restricted",
    "CONN-1": "Yes",
    "CONN-1.1": "Yes",
    "CONN-1.1.1": "Yes",
    "CONN-1.2": "Yes",
    "CONN-1.2.1": "Yes",
    "CONN-1.2.2": "Yes, service port behind cover",
    "CONN-2": "Yes",
    "CONN-3": "Yes",
    "CONN-7.1": "N/A",
    "PAUT-1.1": "N/A",
    "PAUT-4": "Yes",
    "PAUT-5": "No: service password fixed",
    "PAUT-10": "Yes",
    "PAUT-13": "Yes",
    "PAUT-14": "Yes",
    "PLOK-2": "Yes",
    "PLOK-4": "N/A",
    "RDMP-1": "Yes",
    "RDMP-3": "Yes",
    "SBOM-1": "Yes",
    "SBOM-2.1": "Yes",
    "SBOM-2.2": "Yes",
    "SBOM-2.3": "Yes",
    "SBOM-4": "Yes",
    "SAHD-3": "Yes",
    "SAHD-3.1": "Yes",
    "SAHD-3.2": "Yes",
    "SAHD-6": "Yes",
    "SAHD-7": "Yes",
    "SAHD-8": "Yes",
    "SAHD-9": "Yes, telnet and FTP removed",
    "SAHD-11": "Yes",
    "SAHD-14.1": "N/A",
    "SAHD-15": "Yes",
    "SGUD-1": "Yes",
    "SGUD-4": "Yes",
    "STCF-1.1": "N/A",
    "STCF-1.2": "N/A",
    "STCF-1.3": "N/A",
    "STCF-2": "N/A",
    "STCF-3": "Yes",
    "TXCF-3": "Yes",
    "TXCF-5": "Yes, HL7 v2 over MLLP",
    "RMOT-1": "Yes",
    "RMOT-1.3": "Yes",
  },
  noteRefs: {
    "CSUP-2": "See Note 1",
    "MLDP-3": "See Note 3",
    "RDMP-3": "4",
    "SAHD-15": "",
  },
  notes: [
    {
      number: 1,
      text: "The pump runs Windows Embedded Standard 7 SP1. Operating system patches are installed by Harbor service staff only.",
    },
    { number: 2, text: "Update approval status is published quarterly in the customer portal." },
    {
      number: 3,
      text: "Anti-malware software cannot be installed. AppLocker allowlisting and the Windows Firewall restrict what runs and connects.",
    },
    { number: 4, text: "www.harbor-infusion.example/security" },
  ],
  other: "Place the pumps in a dedicated wireless network segment.\nDrug library updates are signed.",
  layout: {
    sheetName: "MDS2 2019",
    rowOffset: 2,
    columnOffset: 1,
    sheetsBefore: ["Instructions"],
  },
};

export const SAMPLE_2019_PROFILES: readonly Sample2019Profile[] = [IMAGING_WORKSTATION, INFUSION_PUMP];

export interface SampleCells {
  answer: string;
  note: string;
}

/** Returns the answer and note cell text of each question, in form order. */
export function sampleCells(profile: Sample2019Profile): Map<string, SampleCells> {
  const cells = new Map<string, SampleCells>();
  for (const question of HN1_2019.questions) {
    const field = question.deviceField as keyof Sample2019Profile["device"] | undefined;
    const answer =
      profile.answers[question.id] ??
      (field ? profile.device[field] : undefined) ??
      (question.polarity === "text" ? "" : profile.defaults[question.polarity]);
    cells.set(question.id, { answer, note: profile.noteRefs[question.id] ?? "__" });
  }
  return cells;
}

const VARIANT_VALUES = ["Yes", "No", "N/A", "Yes", "No"];
const VARIANT_SHEET_NAMES = ["mds2-form", "MDS2", "Sheet1", "MDS2 2019", "Disclosure"];

/**
 * Returns a copy of `profile` with a new model and document ID, about `share`
 * of the yes/no answers changed and, unless `varyLayout` is false, another
 * sheet name and table position. A PRNG seeded with `seed` makes the choices,
 * so the same seed always gives the same form.
 */
export function sampleVariant(
  profile: Sample2019Profile,
  seed: number,
  share = 0.1,
  varyLayout = true,
): Sample2019Profile {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const layout: SampleLayout = varyLayout
    ? {
        sheetName: pick(VARIANT_SHEET_NAMES),
        rowOffset: Math.floor(random() * 4),
        columnOffset: Math.floor(random() * 3),
        sheetsBefore: random() < 0.3 ? ["Instructions"] : [],
      }
    : profile.layout;
  const answers = { ...profile.answers };
  for (const question of HN1_2019.questions) {
    if (question.kind !== "yes-no" || random() >= share) continue;
    answers[question.id] = pick(VARIANT_VALUES);
  }
  const suffix = String(seed).padStart(5, "0");
  return {
    ...profile,
    name: `${profile.name}-${suffix}`,
    device: {
      ...profile.device,
      model: `${profile.device.model}-${suffix}`,
      documentId: `${profile.device.documentId}-${suffix}`,
    },
    answers,
    layout,
  };
}

/** Small seeded PRNG (mulberry32): returns numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  // Scrambling the seed first keeps neighbouring seeds (1, 2, 3) from giving
  // similar first draws.
  let state = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
