-- Ballot secrecy by construction (issue 18, item 2): the who-voted rows keep no time finer than the session.
-- A cast time per voter, next to a ballot box whose rows were written at known moments, is a way to link a
-- ballot row to a roll row; nothing needs it (the session's opening and closing times say when the vote was
-- held), so it goes. That a voter voted is the row itself; the ballot boxes stay rewritten in random order.
ALTER TABLE ballot_cast DROP COLUMN cast_at;
ALTER TABLE council_ballot_cast DROP COLUMN cast_at;
