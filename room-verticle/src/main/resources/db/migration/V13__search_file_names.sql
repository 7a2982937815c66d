-- File names are searchable (docs/search.md): the names of a message's files (messages.files, from V8) as a
-- full-text document of their own, indexed only for the few messages that have files. Dots, dashes and underscores
-- split a name into words, so "crash-report_2026.log" is found by "crash", "report" or "log". A search ORs this
-- document with the text's; both sides are index scans. (V12 belongs to notifications.)
CREATE FUNCTION search_file_names(p_files jsonb) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT to_tsvector('english'::regconfig,
                     coalesce((SELECT string_agg(regexp_replace(f.file ->> 'name', '[._-]+', ' ', 'g'), ' ')
                               FROM jsonb_array_elements(p_files) AS f(file)), ''))
$$;

CREATE INDEX messages_search_file_names ON messages USING gin (search_file_names(files))
  WHERE files IS NOT NULL AND deleted_at IS NULL;
