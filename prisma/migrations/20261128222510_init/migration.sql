-- CreateEnum
CREATE TYPE "ConventionState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'VALIDATED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ValidationStep" AS ENUM ('PEDAGOGIQUE', 'VERIFICATION_ADMINISTRATIVE', 'VALIDATION_ADMINISTRATIVE');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('VALIDATED', 'REFUSED', 'UNVALIDATED');

-- CreateEnum
CREATE TYPE "ConventionLanguage" AS ENUM ('FR', 'FR_FRANCOPHONE', 'EN_FR');

-- CreateEnum
CREATE TYPE "AvenantStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'VALIDATED', 'REFUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('SLACK', 'TEAMS', 'WEB');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'DEAD');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PENDING', 'APPLIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('CONVENTION', 'AVENANT');

-- CreateEnum
CREATE TYPE "ReferenceList" AS ENUM ('THEMATIQUE', 'TYPE_STRUCTURE', 'STATUT_JURIDIQUE', 'EFFECTIF', 'NAF_SECTION', 'ORIGINE_STAGE', 'NATURE_TRAVAIL', 'MODALITE_VALIDATION', 'MODE_VERSEMENT', 'DEVISE', 'UNITE_DUREE', 'TEMPS_TRAVAIL', 'TYPE_CONVENTION', 'TYPE_GRATIFICATION', 'MOTIF_AVENANT');

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "phone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Student" (
    "personId" INTEGER NOT NULL,
    "studentNumber" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "addressLine" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "countryIso2" CHAR(2),

    CONSTRAINT "Student_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "Teacher" (
    "personId" INTEGER NOT NULL,
    "department" TEXT,
    "maxConventions" INTEGER,

    CONSTRAINT "Teacher_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "Staff" (
    "personId" INTEGER NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "StaffCentre" (
    "staffId" INTEGER NOT NULL,
    "centreId" INTEGER NOT NULL,

    CONSTRAINT "StaffCentre_pkey" PRIMARY KEY ("staffId","centreId")
);

-- CreateTable
CREATE TABLE "CentreGestion" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "steps" "ValidationStep"[],
    "reminderCron" TEXT NOT NULL DEFAULT '0 8 * * 1-5',
    "reminderTimezone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "referentReminderDays" INTEGER NOT NULL DEFAULT 3,
    "draftReminderDays" INTEGER NOT NULL DEFAULT 7,
    "studentsMayRequestAvenant" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CentreGestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Formation" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "composante" TEXT,
    "centreId" INTEGER NOT NULL,

    CONSTRAINT "Formation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElementPedagogique" (
    "id" SERIAL NOT NULL,
    "formationId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "ects" DECIMAL(5,1),

    CONSTRAINT "ElementPedagogique_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inscription" (
    "id" SERIAL NOT NULL,
    "studentId" INTEGER NOT NULL,
    "academicYear" TEXT NOT NULL,
    "formationId" INTEGER NOT NULL,
    "typeConvention" TEXT NOT NULL,

    CONSTRAINT "Inscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cpam" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "departement" TEXT NOT NULL,
    "departementLabel" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Cpam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pays" (
    "iso2" CHAR(2) NOT NULL,
    "iso3" CHAR(3) NOT NULL,
    "label" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "francophone" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Pays_pkey" PRIMARY KEY ("iso2")
);

-- CreateTable
CREATE TABLE "NafCode" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "section" CHAR(1) NOT NULL,

    CONSTRAINT "NafCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ReferenceItem" (
    "id" SERIAL NOT NULL,
    "list" "ReferenceList" NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "extra" JSONB,

    CONSTRAINT "ReferenceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GratificationRate" (
    "year" INTEGER NOT NULL,
    "hourlyMinimum" DECIMAL(6,2) NOT NULL,

    CONSTRAINT "GratificationRate_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Etablissement" (
    "id" SERIAL NOT NULL,
    "raisonSociale" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "siret" CHAR(14),
    "typeStructureCode" TEXT,
    "statutJuridiqueCode" TEXT,
    "effectifCode" TEXT,
    "nafCode" TEXT,
    "activite" TEXT,
    "addressLine" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "countryIso2" CHAR(2) NOT NULL DEFAULT 'FR',
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Etablissement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EtablissementProposal" (
    "id" SERIAL NOT NULL,
    "etablissementId" INTEGER NOT NULL,
    "proposedById" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EtablissementProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" SERIAL NOT NULL,
    "etablissementId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "addressLine" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "countryIso2" CHAR(2),
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" SERIAL NOT NULL,
    "etablissementId" INTEGER NOT NULL,
    "serviceId" INTEGER,
    "civilite" TEXT,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "fonction" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Convention" (
    "id" SERIAL NOT NULL,
    "numero" INTEGER,
    "state" "ConventionState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "round" INTEGER NOT NULL DEFAULT 0,
    "currentStep" "ValidationStep",
    "studentId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "centreId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "validatedAt" TIMESTAMP(3),
    "etudiantLastName" TEXT,
    "etudiantFirstName" TEXT,
    "etudiantNumber" TEXT,
    "etudiantEmail" TEXT,
    "etudiantPhone" TEXT,
    "etudiantAddressLine" TEXT,
    "etudiantPostalCode" TEXT,
    "etudiantCity" TEXT,
    "etudiantCountryIso2" CHAR(2),
    "cpamId" INTEGER,
    "cpamAutre" TEXT,
    "inscriptionId" INTEGER,
    "academicYear" TEXT,
    "elementPedagogiqueId" INTEGER,
    "heuresFormationPlus200" BOOLEAN,
    "heuresFormation" INTEGER,
    "typeConvention" TEXT,
    "langue" "ConventionLanguage",
    "etablissementId" INTEGER,
    "serviceId" INTEGER,
    "tuteurId" INTEGER,
    "enseignantId" INTEGER,
    "signataireId" INTEGER,
    "paysIso2" CHAR(2),
    "thematiqueCode" TEXT,
    "sujet" TEXT,
    "fonctionsTaches" TEXT,
    "competences" TEXT,
    "details" TEXT,
    "dateDebut" DATE,
    "dateFin" DATE,
    "horairesReguliers" BOOLEAN,
    "heuresHebdomadaires" DECIMAL(5,2),
    "congesAutorises" TEXT,
    "dureeEffectiveCalculee" DECIMAL(7,2),
    "dureeEffectiveSaisie" DECIMAL(7,2),
    "tempsTravailCode" TEXT,
    "commentaireTempsTravail" TEXT,
    "gratification" BOOLEAN,
    "gratificationMontant" DECIMAL(12,2),
    "gratificationType" TEXT,
    "gratificationUnite" TEXT,
    "deviseCode" TEXT,
    "modeVersementCode" TEXT,
    "origineStageCode" TEXT,
    "confidentiel" BOOLEAN NOT NULL DEFAULT false,
    "natureTravailCode" TEXT,
    "modaliteValidationCode" TEXT,
    "modaliteSuivi" TEXT,
    "avantagesNature" TEXT,
    "teletravail" BOOLEAN NOT NULL DEFAULT false,
    "travailNuit" BOOLEAN NOT NULL DEFAULT false,
    "travailDimanche" BOOLEAN NOT NULL DEFAULT false,
    "travailJoursFeries" BOOLEAN NOT NULL DEFAULT false,
    "deplacements" BOOLEAN NOT NULL DEFAULT false,
    "travailExceptionnelCommentaire" TEXT,
    "ruleResults" JSONB,

    CONSTRAINT "Convention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interruption" (
    "id" SERIAL NOT NULL,
    "conventionId" INTEGER NOT NULL,
    "dateDebut" DATE NOT NULL,
    "dateFin" DATE NOT NULL,

    CONSTRAINT "Interruption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IrregularPeriod" (
    "id" SERIAL NOT NULL,
    "conventionId" INTEGER NOT NULL,
    "dateDebut" DATE NOT NULL,
    "dateFin" DATE NOT NULL,
    "hoursPerDay" DECIMAL(4,2) NOT NULL,

    CONSTRAINT "IrregularPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ValidationDecision" (
    "id" SERIAL NOT NULL,
    "conventionId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "step" "ValidationStep",
    "decision" "DecisionKind" NOT NULL,
    "reason" TEXT,
    "deciderId" INTEGER NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ValidationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Avenant" (
    "id" SERIAL NOT NULL,
    "conventionId" INTEGER NOT NULL,
    "numero" INTEGER NOT NULL,
    "status" "AvenantStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "motifs" TEXT[],
    "motifAutre" TEXT,
    "comment" TEXT,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "previousValues" JSONB,
    "requestedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "Avenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvenantDecision" (
    "id" SERIAL NOT NULL,
    "avenantId" INTEGER NOT NULL,
    "step" "ValidationStep" NOT NULL,
    "decision" "DecisionKind" NOT NULL,
    "reason" TEXT,
    "deciderId" INTEGER NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AvenantDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionDocument" (
    "id" SERIAL NOT NULL,
    "conventionId" INTEGER NOT NULL,
    "avenantId" INTEGER,
    "kind" "DocumentKind" NOT NULL,
    "filename" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConventionDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "conventionId" INTEGER,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "id" SERIAL NOT NULL,
    "platform" "Platform" NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL DEFAULT '',
    "personId" INTEGER NOT NULL,
    "conversationRef" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostedMessage" (
    "id" SERIAL NOT NULL,
    "platform" "Platform" NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "threadId" TEXT,
    "kind" TEXT NOT NULL,
    "conventionId" INTEGER,
    "avenantId" INTEGER,
    "recipientId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostedMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientId" INTEGER,
    "conventionId" INTEGER,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lockedBy" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "platform" "Platform" NOT NULL,
    "eventId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("platform","eventId")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" SERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "runKey" TEXT NOT NULL,
    "status" "JobRunStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "result" JSONB,
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Student_studentNumber_key" ON "Student"("studentNumber");

-- CreateIndex
CREATE INDEX "StaffCentre_centreId_idx" ON "StaffCentre"("centreId");

-- CreateIndex
CREATE UNIQUE INDEX "CentreGestion_code_key" ON "CentreGestion"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Formation_code_key" ON "Formation"("code");

-- CreateIndex
CREATE INDEX "Formation_centreId_idx" ON "Formation"("centreId");

-- CreateIndex
CREATE UNIQUE INDEX "ElementPedagogique_formationId_code_key" ON "ElementPedagogique"("formationId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Inscription_studentId_academicYear_formationId_key" ON "Inscription"("studentId", "academicYear", "formationId");

-- CreateIndex
CREATE UNIQUE INDEX "Cpam_code_key" ON "Cpam"("code");

-- CreateIndex
CREATE INDEX "Cpam_region_idx" ON "Cpam"("region");

-- CreateIndex
CREATE UNIQUE INDEX "Pays_iso3_key" ON "Pays"("iso3");

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceItem_list_code_key" ON "ReferenceItem"("list", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Etablissement_siret_key" ON "Etablissement"("siret");

-- CreateIndex
CREATE INDEX "Etablissement_normalizedName_idx" ON "Etablissement"("normalizedName");

-- CreateIndex
CREATE INDEX "EtablissementProposal_status_idx" ON "EtablissementProposal"("status");

-- CreateIndex
CREATE INDEX "Service_etablissementId_idx" ON "Service"("etablissementId");

-- CreateIndex
CREATE INDEX "Contact_etablissementId_idx" ON "Contact"("etablissementId");

-- CreateIndex
CREATE UNIQUE INDEX "Convention_numero_key" ON "Convention"("numero");

-- CreateIndex
CREATE INDEX "Convention_studentId_state_idx" ON "Convention"("studentId", "state");

-- CreateIndex
CREATE INDEX "Convention_etablissementId_academicYear_idx" ON "Convention"("etablissementId", "academicYear");

-- CreateIndex
CREATE INDEX "Convention_tuteurId_idx" ON "Convention"("tuteurId");

-- CreateIndex
CREATE INDEX "Convention_enseignantId_state_idx" ON "Convention"("enseignantId", "state");

-- CreateIndex
CREATE INDEX "Convention_centreId_state_currentStep_idx" ON "Convention"("centreId", "state", "currentStep");

-- CreateIndex
CREATE INDEX "Interruption_conventionId_idx" ON "Interruption"("conventionId");

-- CreateIndex
CREATE INDEX "IrregularPeriod_conventionId_idx" ON "IrregularPeriod"("conventionId");

-- CreateIndex
CREATE INDEX "ValidationDecision_conventionId_idx" ON "ValidationDecision"("conventionId");

-- CreateIndex
CREATE UNIQUE INDEX "ValidationDecision_conventionId_round_step_key" ON "ValidationDecision"("conventionId", "round", "step");

-- CreateIndex
CREATE UNIQUE INDEX "Avenant_conventionId_numero_key" ON "Avenant"("conventionId", "numero");

-- CreateIndex
CREATE UNIQUE INDEX "AvenantDecision_avenantId_step_key" ON "AvenantDecision"("avenantId", "step");

-- CreateIndex
CREATE INDEX "ConventionDocument_conventionId_idx" ON "ConventionDocument"("conventionId");

-- CreateIndex
CREATE INDEX "AuditEvent_conventionId_occurredAt_idx" ON "AuditEvent"("conventionId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "ChatIdentity_personId_idx" ON "ChatIdentity"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatIdentity_platform_teamId_platformUserId_key" ON "ChatIdentity"("platform", "teamId", "platformUserId");

-- CreateIndex
CREATE INDEX "PostedMessage_conventionId_kind_idx" ON "PostedMessage"("conventionId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PostedMessage_platform_channelId_messageId_key" ON "PostedMessage"("platform", "channelId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_runKey_key" ON "JobRun"("runKey");

-- CreateIndex
CREATE INDEX "JobRun_jobId_startedAt_idx" ON "JobRun"("jobId", "startedAt");

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Teacher" ADD CONSTRAINT "Teacher_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffCentre" ADD CONSTRAINT "StaffCentre_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("personId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffCentre" ADD CONSTRAINT "StaffCentre_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "CentreGestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Formation" ADD CONSTRAINT "Formation_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "CentreGestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElementPedagogique" ADD CONSTRAINT "ElementPedagogique_formationId_fkey" FOREIGN KEY ("formationId") REFERENCES "Formation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("personId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_formationId_fkey" FOREIGN KEY ("formationId") REFERENCES "Formation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EtablissementProposal" ADD CONSTRAINT "EtablissementProposal_etablissementId_fkey" FOREIGN KEY ("etablissementId") REFERENCES "Etablissement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EtablissementProposal" ADD CONSTRAINT "EtablissementProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EtablissementProposal" ADD CONSTRAINT "EtablissementProposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_etablissementId_fkey" FOREIGN KEY ("etablissementId") REFERENCES "Etablissement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_etablissementId_fkey" FOREIGN KEY ("etablissementId") REFERENCES "Etablissement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("personId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "CentreGestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_cpamId_fkey" FOREIGN KEY ("cpamId") REFERENCES "Cpam"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_inscriptionId_fkey" FOREIGN KEY ("inscriptionId") REFERENCES "Inscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_elementPedagogiqueId_fkey" FOREIGN KEY ("elementPedagogiqueId") REFERENCES "ElementPedagogique"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_etablissementId_fkey" FOREIGN KEY ("etablissementId") REFERENCES "Etablissement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_tuteurId_fkey" FOREIGN KEY ("tuteurId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_enseignantId_fkey" FOREIGN KEY ("enseignantId") REFERENCES "Teacher"("personId") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_signataireId_fkey" FOREIGN KEY ("signataireId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interruption" ADD CONSTRAINT "Interruption_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IrregularPeriod" ADD CONSTRAINT "IrregularPeriod_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValidationDecision" ADD CONSTRAINT "ValidationDecision_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValidationDecision" ADD CONSTRAINT "ValidationDecision_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Avenant" ADD CONSTRAINT "Avenant_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Avenant" ADD CONSTRAINT "Avenant_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvenantDecision" ADD CONSTRAINT "AvenantDecision_avenantId_fkey" FOREIGN KEY ("avenantId") REFERENCES "Avenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvenantDecision" ADD CONSTRAINT "AvenantDecision_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionDocument" ADD CONSTRAINT "ConventionDocument_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionDocument" ADD CONSTRAINT "ConventionDocument_avenantId_fkey" FOREIGN KEY ("avenantId") REFERENCES "Avenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatIdentity" ADD CONSTRAINT "ChatIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostedMessage" ADD CONSTRAINT "PostedMessage_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Convention numbers are assigned at submission from this sequence (never reused, gaps allowed).
CREATE SEQUENCE "convention_numero_seq" START WITH 1;

-- Validation administrative is always one of a centre's steps (DESIGN.md, Lifecycle).
ALTER TABLE "CentreGestion" ADD CONSTRAINT "CentreGestion_steps_admin_check"
  CHECK ('VALIDATION_ADMINISTRATIVE' = ANY ("steps"));
