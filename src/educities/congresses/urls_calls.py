"""A city's pages of the calls for proposals and the bids to host a congress, and the public list of decided
bids (included in the ``events`` namespace before ``urls_public``, so that these fixed words come before
an event's ``<slug>/``)."""

from django.urls import path

from educities.congresses.views import bids, calls

urlpatterns = [
    path("proposals/", calls.proposals_mine, name="proposals"),
    path("proposals/<int:pk>/", calls.proposal_page, name="proposal"),
    path("proposals/<int:pk>/submit/", calls.proposal_submit_view, name="proposal_submit"),
    path("proposals/<int:pk>/withdraw/", calls.proposal_withdraw_view, name="proposal_withdraw"),
    path("bids/", bids.bids_public, name="bids"),
    path("bids/mine/", bids.bids_mine, name="bids_mine"),
    path("bids/new/", bids.bid_new, name="bid_new"),
    path("bids/decisions/", bids.bids_to_decide, name="bids_to_decide"),
    path("bids/<int:pk>/", bids.bid_page, name="bid"),
    path("bids/<int:pk>/submit/", bids.bid_submit_view, name="bid_submit"),
    path("bids/<int:pk>/withdraw/", bids.bid_withdraw_view, name="bid_withdraw"),
    path("bids/<int:pk>/decide/", bids.bid_decide, name="bid_decide"),
    path("bids/<int:pk>/documents/", bids.bid_document_upload, name="bid_document_upload"),
    path("bids/<int:pk>/documents/<int:document_pk>/", bids.bid_document, name="bid_document"),
    path(
        "bids/<int:pk>/documents/<int:document_pk>/remove/",
        bids.bid_document_delete,
        name="bid_document_remove",
    ),
    path("<slug:slug>/propose/", calls.propose, name="propose"),
]
