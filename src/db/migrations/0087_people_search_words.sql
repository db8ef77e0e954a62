-- People search by words (issue 8, decision 110): every word of a person's search text,
-- with the person's sort name, in one btree, so a search for "lucía" reads the first
-- page of Lucías in name order from the index instead of visiting every Lucía; and the
-- organization's vocabulary, small, with a trigram index, to find which words hold a
-- fragment ("igue" -> miguel, rodriguez).
-- A word is a run of a-z and 0-9 holding a letter (digits alone are phone numbers and
-- email numbers: the trigram index serves those), and each pair of such runs next to
-- each other in one field with what separates them ("maria.fernandez", "o'brien").
-- Written by triggers on people, so every way a person is written (the app, imports,
-- COPY) keeps them in step; the app only reads them.

CREATE FUNCTION search_words_of(search_text text) RETURNS SETOF text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  chunk text;
  runs text[];
  seps text[];
  n int;
BEGIN
  FOREACH chunk IN ARRAY regexp_split_to_array(search_text, '\s+') LOOP
    chunk := regexp_replace(chunk, '^[^a-z0-9]+|[^a-z0-9]+$', '', 'g');
    CONTINUE WHEN chunk = '';
    runs := regexp_split_to_array(chunk, '[^a-z0-9]+');
    seps := ARRAY(SELECT m[1] FROM regexp_matches(chunk, '([^a-z0-9]+)', 'g') AS m);
    n := array_length(runs, 1);
    FOR i IN 1 .. n LOOP
      CONTINUE WHEN runs[i] !~ '[a-z]';
      RETURN NEXT runs[i];
      IF i < n AND runs[i + 1] ~ '[a-z]' THEN
        RETURN NEXT runs[i] || seps[i] || runs[i + 1];
      END IF;
    END LOOP;
  END LOOP;
END $$;

CREATE TABLE people_words (
  org_id uuid NOT NULL,
  word text NOT NULL,
  sort_name text NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (org_id, word, sort_name, person_id)
);

CREATE TABLE people_vocabulary (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  word text NOT NULL,
  PRIMARY KEY (org_id, word)
);
CREATE INDEX people_vocabulary_trgm_idx ON people_vocabulary USING gin (word gin_trgm_ops);

-- A word leaves the vocabulary when its last person goes. Writers share-lock the words
-- they add and removers lock a word before checking it is unused (each check a new
-- statement, so it sees what committed while it waited): a word can't be removed while
-- someone adds a person with it.
-- Both run with custom plans: after five calls PL/pgSQL may switch to a generic plan,
-- which for these statements was 10 times slower (an import of 8,000 people: 1.7 s per
-- 1,000 from the sixth 1,000 on, against 0.16 s).
CREATE FUNCTION people_words_add(added_org uuid[], added_id uuid[], added_sort text[], added_text text[])
RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  w_org uuid[];
  w_word text[];
  w_sort text[];
  w_id uuid[];
  org uuid;
  wanted text[];
BEGIN
  -- Words are cut once (the cutting is most of the cost), then written and looked up.
  SELECT array_agg(x.org), array_agg(x.word), array_agg(x.sort), array_agg(x.id)
    INTO w_org, w_word, w_sort, w_id
  FROM (
    SELECT DISTINCT a.org, w AS word, a.sort, a.id
    FROM unnest(added_org, added_id, added_sort, added_text) AS a(org, id, sort, txt),
      search_words_of(a.txt) AS w
  ) AS x;
  IF w_org IS NULL THEN RETURN; END IF;
  INSERT INTO people_words (org_id, word, sort_name, person_id)
    SELECT * FROM unnest(w_org, w_word, w_sort, w_id);
  FOR org, wanted IN
    SELECT x.org, array_agg(DISTINCT x.word ORDER BY x.word)
    FROM unnest(w_org, w_word) AS x(org, word) GROUP BY x.org
  LOOP
    LOOP
      PERFORM 1 FROM people_vocabulary
        WHERE org_id = org AND word = ANY (wanted) ORDER BY word FOR KEY SHARE;
      wanted := ARRAY(SELECT w FROM unnest(wanted) AS w
        WHERE NOT EXISTS (SELECT 1 FROM people_vocabulary v WHERE v.org_id = org AND v.word = w)
        ORDER BY 1);
      EXIT WHEN cardinality(wanted) = 0;
      -- What another writer added in the meantime is locked on the next turn.
      WITH put AS (
        INSERT INTO people_vocabulary (org_id, word) SELECT org, w FROM unnest(wanted) AS w
        ON CONFLICT DO NOTHING RETURNING word)
      SELECT ARRAY(SELECT w FROM unnest(wanted) AS w WHERE w NOT IN (SELECT word FROM put) ORDER BY 1)
        INTO wanted;
      EXIT WHEN cardinality(wanted) = 0;
    END LOOP;
  END LOOP;
END $$;

CREATE FUNCTION people_words_remove(removed_org uuid[], removed_id uuid[], removed_sort text[], removed_text text[])
RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  gone record;
BEGIN
  DELETE FROM people_words pw
  USING (
    SELECT DISTINCT r.org, w, r.sort, r.id
    FROM unnest(removed_org, removed_id, removed_sort, removed_text) AS r(org, id, sort, txt),
      search_words_of(r.txt) AS w
  ) AS d(org, word, sort, id)
  WHERE pw.org_id = d.org AND pw.word = d.word AND pw.sort_name = d.sort AND pw.person_id = d.id;
  FOR gone IN
    SELECT DISTINCT r.org, w AS word
    FROM unnest(removed_org, removed_text) AS r(org, txt), search_words_of(r.txt) AS w
    ORDER BY 1, 2
  LOOP
    PERFORM 1 FROM people_vocabulary WHERE org_id = gone.org AND word = gone.word FOR UPDATE;
    IF NOT EXISTS (SELECT 1 FROM people_words WHERE org_id = gone.org AND word = gone.word) THEN
      DELETE FROM people_vocabulary WHERE org_id = gone.org AND word = gone.word;
    END IF;
  END LOOP;
END $$;

CREATE FUNCTION people_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM people_words_add(array_agg(n.org_id), array_agg(n.id), array_agg(n.sort_name),
      array_agg(n.search_text))
    FROM new_rows n HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM people_words_remove(array_agg(o.org_id), array_agg(o.id), array_agg(o.sort_name),
      array_agg(o.search_text))
    FROM old_rows o HAVING count(*) > 0;
  ELSE
    -- Only the people whose words or sort name changed (not a consent or a tag).
    PERFORM people_words_remove(array_agg(o.org_id), array_agg(o.id), array_agg(o.sort_name),
      array_agg(o.search_text))
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (n.search_text, n.sort_name, n.org_id) IS DISTINCT FROM (o.search_text, o.sort_name, o.org_id)
    HAVING count(*) > 0;
    PERFORM people_words_add(array_agg(n.org_id), array_agg(n.id), array_agg(n.sort_name),
      array_agg(n.search_text))
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (n.search_text, n.sort_name, n.org_id) IS DISTINCT FROM (o.search_text, o.sort_name, o.org_id)
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER people_words_on_insert AFTER INSERT ON people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_words_sync();
CREATE TRIGGER people_words_on_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION people_words_sync();
CREATE TRIGGER people_words_on_delete AFTER DELETE ON people
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION people_words_sync();

-- The people already here.
SELECT people_words_add(array_agg(org_id), array_agg(id), array_agg(sort_name), array_agg(search_text))
FROM people HAVING count(*) > 0;
