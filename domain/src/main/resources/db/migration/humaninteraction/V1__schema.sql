-- The humaninteraction context's own schema. Its tables arrive with the refinement workflow; nothing outside
-- the context reads them.
COMMENT ON SCHEMA humaninteraction IS 'Owned by the humaninteraction bounded context';
