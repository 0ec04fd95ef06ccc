"""What `purge_submitter_data` removes of the email alerts: every cancelled alert and every one
left unconfirmed for 7 days, with their addresses (whatever --older-than says: an address
that asked to hear nothing more is not kept)."""

from wagtail import hooks


@hooks.register("purge_personal_data")
def purge_alerts(older_than_days, now):
    from .services import delete_unconfirmed, delete_unsubscribed

    unsubscribed = delete_unsubscribed()
    unconfirmed = delete_unconfirmed(now=now)
    return (
        f"Deleted {unsubscribed} cancelled email alert(s) and {unconfirmed} left unconfirmed "
        "for 7 days."
    )
