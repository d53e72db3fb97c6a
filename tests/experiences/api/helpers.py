"""Calling the API as a person with a token."""

import json

from django.test import Client

from educities.accounts.domain.tokens import api_token_create


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='tests').secret}"}


def as_user(user) -> dict:
    """Headers of ``user`` (anonymous when None)."""
    return {} if user is None else bearer(user)


def post_json(client: Client, url: str, data, headers: dict):
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(url, body, content_type="application/json", **headers)


def patch_json(client: Client, url: str, data, headers: dict):
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.patch(url, body, content_type="application/json", **headers)
