"""Use cases of the platform, shared by the API, the pages, the CLI and the jobs.

Every service function takes the edge's unit of work (:class:`filmpark.store.Tx`, from
``Database.transaction()``) and the acting :class:`~filmpark.store.records.User`, checks
permissions in one place (:mod:`filmpark.services.permissions`), raises only errors of
:mod:`filmpark.errors`, and never commits: the edge owns the transaction.

Modules:

- :mod:`~filmpark.services.accounts`: register, attempt_login, issue_token, user_for_token
- :mod:`~filmpark.services.projects`: create/list/get projects, members and roles
- :mod:`~filmpark.services.scripts`: upload a revision, list revisions, read a Script.1
- :mod:`~filmpark.services.breakdowns`: the breakdown with decisions applied; record decisions
- :mod:`~filmpark.services.schedules`: request a solve (a job), perform it, move/lock strips
- :mod:`~filmpark.services.budgets`: build and read budget versions
- :mod:`~filmpark.services.books`: render the production book, list and read its files
- :mod:`~filmpark.services.ledger`: the AI ledger and the AI-use disclosure text
- :mod:`~filmpark.services.jobs`: read a job's state (404 to non-members of its project)
- :mod:`~filmpark.services.audit`: the audit log of a project
"""
