-- People: the trigram index also holds the first word of the sort name (as a one-element
-- array), so a broad search whose matches cluster late in name order (one given name:
-- "lucía" sorts together at ~52%) can find the matches sorting before that word through
-- the index alone, given the first words that sort before it, and walk the sort index
-- from the word on (issue 8, decision 109). A multicolumn GIN index serves a condition on
-- either column, so it replaces the trigram index of 0002.
CREATE INDEX people_word_search_idx ON people
  USING gin ((ARRAY[split_part(sort_name, ' ', 1)]), search_text gin_trgm_ops);
DROP INDEX people_search_trgm_idx;
