-- The university's signatory by delegation, per centre de gestion (issue 14, item 16).
ALTER TABLE "CentreGestion" ADD COLUMN "signatoryName" TEXT;
ALTER TABLE "CentreGestion" ADD COLUMN "signatoryTitle" TEXT;
