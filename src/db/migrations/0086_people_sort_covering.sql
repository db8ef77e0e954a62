-- People: the sort index also holds the search text (issue 8, decision 103), so a broad
-- search can walk the people in name order and test each against the search without
-- visiting the table (an index-only scan): at a million people a page of "PEREZ" is found
-- within the first ~13,000 people in name order, in milliseconds. It replaces the index of
-- 0002 (same key, so the list with no search uses it the same way).
CREATE INDEX people_org_sort_search_idx ON people (org_id, sort_name, id) INCLUDE (search_text);
DROP INDEX people_org_sort_idx;
