-- Every service process keeps the session facts of signed-in accounts (username, language, roles, active, the active
-- liaison record behind the account) in memory, and drops an account's entry when a notification on the channel
-- `account_changed` names it (NetworkCenter.Web/Auth/SessionCache). A trigger rather than the use cases sending it:
-- every writer of these columns, today's and tomorrow's, SQL by hand included, announces the change in the transaction
-- that makes it, and PostgreSQL delivers it to every listening process once that transaction commits.
create function supervision.notify_account_changed() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'accounts' then
        perform pg_notify('account_changed', (case when tg_op = 'DELETE' then old.id else new.id end)::text);
        return null;
    end if;
    if tg_op <> 'INSERT' and old.account_id is not null then
        perform pg_notify('account_changed', old.account_id::text);
    end if;
    if tg_op <> 'DELETE' and new.account_id is not null then
        perform pg_notify('account_changed', new.account_id::text);
    end if;
    return null;
end
$$;

create trigger accounts_notify_changed after update of username, language, roles, active or delete on supervision.accounts
    for each row execute function supervision.notify_account_changed();

create trigger liaisons_notify_changed after insert or update of account_id, active or delete on supervision.liaisons
    for each row execute function supervision.notify_account_changed();
