// The people of the demo university. Every address is on univ-demo.fr, a domain of this demo
// only: students on @etu.univ-demo.fr, teachers and staff on @univ-demo.fr. The playground's
// identity switcher and the tests sign in with these e-mails (lower-case, unique).

/** A demo student and the inscriptions they hold. */
export interface TDemoStudent {
  email: string;
  lastName: string;
  firstName: string;
  studentNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  phone: string;
  addressLine: string;
  postalCode: string;
  city: string;
  inscriptions: { academicYear: string; formationCode: string }[];
  /** Shown in the playground's identity switcher. */
  description: string;
}

/** A demo enseignant référent. */
export interface TDemoTeacher {
  email: string;
  lastName: string;
  firstName: string;
  department: string;
}

/** A demo gestionnaire or administrator and the centres de gestion they work for. */
export interface TDemoStaff {
  email: string;
  lastName: string;
  firstName: string;
  isAdmin: boolean;
  centreCodes: string[];
}

export const DEMO_STUDENTS: readonly TDemoStudent[] = [
  {
    email: "lea.martin@etu.univ-demo.fr",
    description: "M1 Psychologie (3M127C), en L3 l'année précédente",
    lastName: "Martin",
    firstName: "Léa",
    studentNumber: "22001234",
    birthDate: "2004-05-12",
    phone: "06 12 34 56 78",
    addressLine: "12 rue Sainte",
    postalCode: "13001",
    city: "Marseille",
    // Last year in L3, this year in M1: the inscription chooser must offer the right one.
    inscriptions: [
      { academicYear: "2025/2026", formationCode: "3L327C" },
      { academicYear: "2026/2027", formationCode: "3M127C" },
    ],
  },
  {
    email: "hugo.bernard@etu.univ-demo.fr",
    description: "L3 Psychologie",
    lastName: "Bernard",
    firstName: "Hugo",
    studentNumber: "22104567",
    birthDate: "2005-09-03",
    phone: "06 23 45 67 89",
    addressLine: "8 cours Mirabeau",
    postalCode: "13100",
    city: "Aix-en-Provence",
    inscriptions: [{ academicYear: "2026/2027", formationCode: "3L327C" }],
  },
  {
    email: "ines.haddad@etu.univ-demo.fr",
    description: "M1 Informatique",
    lastName: "Haddad",
    firstName: "Inès",
    studentNumber: "22209876",
    birthDate: "2003-11-21",
    phone: "07 34 56 78 90",
    addressLine: "45 boulevard Baille",
    postalCode: "13005",
    city: "Marseille",
    inscriptions: [{ academicYear: "2026/2027", formationCode: "SM1INF" }],
  },
  {
    email: "nathan.fabre@etu.univ-demo.fr",
    description: "L1 Biologie, mineur (17 ans au 01/12/2026)",
    lastName: "Fabre",
    firstName: "Nathan",
    studentNumber: "22612345",
    // The minor of the demo: 17 years old on 2026-12-01 (18 only on 2027-03-14), computed from
    // that fixed date so the demo's minors' rules never depend on the day the seed runs.
    birthDate: "2009-03-14",
    phone: "06 45 67 89 01",
    addressLine: "3 traverse de la Gouffonne",
    postalCode: "13009",
    city: "Marseille",
    inscriptions: [{ academicYear: "2026/2027", formationCode: "SL1BIO" }],
  },
  {
    email: "camille.roux@etu.univ-demo.fr",
    description: "L3 Biologie",
    lastName: "Roux",
    firstName: "Camille",
    studentNumber: "22307890",
    birthDate: "2004-01-30",
    phone: "06 56 78 90 12",
    addressLine: "21 avenue de la Torse",
    postalCode: "13100",
    city: "Aix-en-Provence",
    inscriptions: [{ academicYear: "2026/2027", formationCode: "SL3BIO" }],
  },
];

export const DEMO_TEACHERS: readonly TDemoTeacher[] = [
  { email: "sophie.lambert@univ-demo.fr", lastName: "Lambert", firstName: "Sophie", department: "Psychologie clinique" },
  { email: "antoine.girard@univ-demo.fr", lastName: "Girard", firstName: "Antoine", department: "Psychologie sociale" },
  { email: "nadia.cherif@univ-demo.fr", lastName: "Chérif", firstName: "Nadia", department: "Informatique" },
  { email: "pierre.moreau@univ-demo.fr", lastName: "Moreau", firstName: "Pierre", department: "Biologie" },
];

export const DEMO_STAFF: readonly TDemoStaff[] = [
  { email: "isabelle.garcia@univ-demo.fr", lastName: "Garcia", firstName: "Isabelle", isAdmin: false, centreCodes: ["DEMO-PSY"] },
  { email: "karim.mansouri@univ-demo.fr", lastName: "Mansouri", firstName: "Karim", isAdmin: false, centreCodes: ["DEMO-SCI"] },
  {
    email: "elodie.fontaine@univ-demo.fr",
    lastName: "Fontaine",
    firstName: "Élodie",
    isAdmin: false,
    centreCodes: ["DEMO-PSY", "DEMO-SCI"],
  },
  { email: "thomas.petit@univ-demo.fr", lastName: "Petit", firstName: "Thomas", isAdmin: true, centreCodes: [] },
];

/** The role a demo person plays in the playground. */
export type TDemoRole = "student" | "teacher" | "gestionnaire" | "admin";

/** One demo identity: who to sign in as, and what they are for. */
export interface TDemoPerson {
  role: TDemoRole;
  email: string;
  name: string;
  description: string;
}

/** Every demo identity, for the playground's switcher and the tests. */
export const DEMO_PEOPLE: readonly TDemoPerson[] = [
  ...DEMO_STUDENTS.map((s) => ({
    role: "student" as const,
    email: s.email,
    name: `${s.firstName} ${s.lastName}`,
    description: s.description,
  })),
  ...DEMO_TEACHERS.map((t) => ({
    role: "teacher" as const,
    email: t.email,
    name: `${t.firstName} ${t.lastName}`,
    description: `Enseignant référent, ${t.department}`,
  })),
  ...DEMO_STAFF.map((s) => ({
    role: s.isAdmin ? ("admin" as const) : ("gestionnaire" as const),
    email: s.email,
    name: `${s.firstName} ${s.lastName}`,
    description: s.isAdmin ? "Administrateur" : `Gestionnaire ${s.centreCodes.join(", ")}`,
  })),
];
