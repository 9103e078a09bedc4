"""E-mail alerts on the site: asking for one, confirming it, changing it, stopping it. Anyone may use every route;
the alert's own pages need its link, which only its messages carry.

- /alerts/?<filters>: the sign-up form for the selection of those filters (any listing's, as the subscribe block
  links it). Limited per network address and per e-mail address (django-ratelimit, in the cache); a confirmation
  message is queued (alert_runs.py sends it), and nothing follows until its link is opened and confirmed (double
  opt-in: a link opened by a mail scanner confirms nothing, the button does).
- /alerts/<token>/confirm/: confirm, or delete the address ("it was not me").
- /alerts/<token>/: change how often and in which language, or delete the alert.
- /alerts/<token>/unsubscribe/: one click; a POST (RFC 8058's List-Unsubscribe=One-Click, or the page's button)
  deletes the alert with its queued messages. No CSRF token: mail programs post without one, and the link is the
  secret.
"""

import ipaddress
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited
from rest_framework.throttling import BaseThrottle

from .alert_mail import confirmation, name_selection, selection_params
from .feeds import bad_filters, describe_selection, listing_path
from .filters import EventFilter, normal_filters, selected_filters
from .models import Alert, AlertMessage, Event
from .views import typeset_response


class AlertForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"), max_length=254)
    frequency = forms.ChoiceField(
        label=gettext_lazy("How often"),
        choices=Alert.Frequency.choices,
        initial=Alert.Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the messages"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )


class AlertSettingsForm(forms.ModelForm):
    class Meta:
        model = Alert
        fields = ["frequency", "language"]
        labels = {"frequency": gettext_lazy("How often"), "language": gettext_lazy("Language of the messages")}
        widgets = {"frequency": forms.RadioSelect, "language": forms.RadioSelect}


def page(request, template: str, context: dict, *, status: int = 200, private: bool = False):
    """An alert page: never indexed; one of an alert's own (private) never kept by a cache."""
    response = typeset_response(render(request, f"events/alerts/{template}", context, status=status))
    if private:
        add_never_cache_headers(response)
    return response


def message_page(request, heading: str, text: str, *, status: int = 200, private: bool = True):
    return page(request, "message.html", {"heading": heading, "text": text}, status=status, private=private)


def client_address(_group, request) -> str:
    """The reader's network, as the API's throttling reads the address (X-Forwarded-For's entry of our proxy when
    DJANGO_BEHIND_PROXY is set); an IPv6 address by its /64, which one subscriber line holds whole."""
    ident = BaseThrottle().get_ident(request)
    try:
        address = ipaddress.ip_address(ident)
    except ValueError:
        return ident
    return str(ipaddress.ip_network(f"{address}/64", strict=False)) if address.version == 6 else str(address)


def address_key(email: str) -> str:
    return email.strip().lower()


class AlertSignupView(View):
    """GET/POST /alerts/?<filters>: ask for e-mail alerts of any selection."""

    def selection(self, request):
        params = normal_filters(request.GET)
        filterset = EventFilter(params, queryset=Event.objects.none())
        return params, filterset

    def get(self, request):
        params, filterset = self.selection(request)
        if not filterset.is_valid():
            return bad_filters(filterset)
        return self.form_page(request, params, filterset, AlertForm(initial={"language": get_language()}))

    def form_page(self, request, params, filterset, form, *, status=200):
        query = urlencode(selected_filters(params))
        context = {
            "form": form,
            "selection": describe_selection(filterset.form.cleaned_data),
            "listing_url": listing_path(params),
            "action": reverse("events:alerts") + (f"?{query}" if query else ""),
            "confirm_hours": settings.EVENTS_ALERTS_CONFIRM_HOURS,
        }
        return page(request, "signup.html", context, status=status)

    def post(self, request):
        params, filterset = self.selection(request)
        if not filterset.is_valid():
            return bad_filters(filterset)
        limit = settings.EVENTS_ALERTS_SIGNUP_RATE
        if is_ratelimited(request, group="alerts-signup", key=client_address, rate=limit, increment=True):
            return too_many(request, _("Too many sign-ups came from your network in the last while."))
        form = AlertForm(request.POST)
        if not form.is_valid():
            return self.form_page(request, params, filterset, form, status=400)
        email = form.cleaned_data["email"]
        if Alert.objects.filter(email__iexact=email).count() >= settings.EVENTS_ALERTS_PER_ADDRESS:
            form.add_error("email", _("This address already has as many alerts as one address may have (%(count)d).")
                           % {"count": settings.EVENTS_ALERTS_PER_ADDRESS})  # fmt: skip
            return self.form_page(request, params, filterset, form, status=400)
        rate = settings.EVENTS_ALERTS_ADDRESS_RATE
        if is_ratelimited(request, group="alerts-address", key=lambda _g, _r: address_key(email), rate=rate,
                          increment=True):  # fmt: skip
            return too_many(request, _("Too many confirmation messages were sent to this address lately."))
        ask(request, email, urlencode(selected_filters(params)), form.cleaned_data)
        context = {"email": email, "selection": describe_selection(filterset.form.cleaned_data),
                   "confirm_hours": settings.EVENTS_ALERTS_CONFIRM_HOURS}  # fmt: skip
        return page(request, "requested.html", context, private=True)


def ask(request, email: str, selection: str, data: dict) -> Alert:
    """A pending alert (the same one again if it was asked for already) and its confirmation message, queued."""
    alert, created = Alert.objects.get_or_create(
        email=email,
        selection=selection,
        frequency=data["frequency"],
        language=data["language"],
        confirmed_at=None,
        defaults={"site_url": f"{request.scheme}://{request.get_host()}"},
    )
    if not created:
        # Asked again: the new message's hours to confirm count from now.
        Alert.objects.filter(pk=alert.pk).update(created_at=timezone.now())
    subject, body, headers = confirmation(alert)
    AlertMessage.objects.create(
        alert=alert, kind=AlertMessage.Kind.CONFIRM, window_end=timezone.now(), subject=subject, body=body,
        headers=headers,
    )  # fmt: skip
    return alert


@transaction.atomic
def confirm(alert: Alert) -> None:
    """Start the alert. The address's other alerts of the same selection give way to it (one alert per selection),
    an older confirmed one handing on its cursor and its messages not yet sent, so that nothing it had still to tell
    is lost."""
    now = timezone.now()
    others = Alert.objects.select_for_update().filter(email__iexact=alert.email, selection=alert.selection)
    others = list(others.exclude(pk=alert.pk))
    older = [other for other in others if other.confirmed_at is not None]
    cursor = min([now, *(other.sent_until for other in older if other.sent_until)])
    AlertMessage.objects.filter(alert__in=older, sent_at=None).exclude(kind=AlertMessage.Kind.CONFIRM).update(
        alert=alert
    )
    # Other requests of the same selection, confirmed or not, are this one now.
    Alert.objects.filter(pk__in=[other.pk for other in others]).delete()
    Alert.objects.filter(pk=alert.pk, confirmed_at=None).update(confirmed_at=now, sent_until=cursor)


def too_many(request, reason: str):
    response = message_page(request, _("Please try again later"), reason, status=429, private=False)
    response["Retry-After"] = "3600"
    return response


def gone(request):
    return message_page(
        request,
        _("This alert no longer exists"),
        _("It was stopped, or it was not confirmed in time. You can ask for alerts again from any list of events."),
        status=404,
    )


def deleted(request, alert: Alert):
    email = alert.email
    alert.delete()
    return message_page(
        request,
        _("Alert deleted"),
        _("%(email)s will receive nothing more from this alert, and the calendar no longer keeps the address for it.")
        % {"email": email},
    )


class AlertTokenView(View):
    """A page of one alert, found by its link's token; a 404 page for a token that was never valid or whose alert
    is gone."""

    def dispatch(self, request, token):
        self.alert = Alert.for_token(token)
        if self.alert is None:
            return gone(request)
        return super().dispatch(request, token)

    def details(self) -> dict:
        alert = self.alert
        return {
            "alert": alert,
            "selection": name_selection(alert),
            "listing_url": listing_path(selection_params(alert)),
        }


class AlertConfirmView(AlertTokenView):
    """GET/POST /alerts/<token>/confirm/: the owner confirms the alert (or deletes the address)."""

    def get(self, request, token):
        if self.alert.confirmed_at is not None:
            return HttpResponseRedirect(reverse("events:alert-manage", kwargs={"token": token}))
        return page(request, "confirm.html", self.details(), private=True)

    def post(self, request, token):
        alert = self.alert
        if request.POST.get("action") == "delete":
            return deleted(request, alert)
        if alert.confirmed_at is None:
            confirm(alert)
        return HttpResponseRedirect(reverse("events:alert-manage", kwargs={"token": token}) + "?confirmed=1")


class AlertManageView(AlertTokenView):
    """GET/POST /alerts/<token>/: see the alert, change how often and in which language, or delete it."""

    def get(self, request, token):
        if self.alert.confirmed_at is None:
            return HttpResponseRedirect(reverse("events:alert-confirm", kwargs={"token": token}))
        return self.manage_page(request, AlertSettingsForm(instance=self.alert))

    def manage_page(self, request, form, *, status=200, saved=False):
        context = {**self.details(), "form": form, "saved": saved, "confirmed": "confirmed" in request.GET}
        return page(request, "manage.html", context, status=status, private=True)

    def post(self, request, token):
        if request.POST.get("action") == "delete":
            return deleted(request, self.alert)
        form = AlertSettingsForm(request.POST, instance=self.alert)
        if not form.is_valid():
            return self.manage_page(request, form, status=400)
        # Only these two fields: a run may have moved the cursor since the page was read, and an alert stopped
        # meanwhile stays stopped.
        if not Alert.objects.filter(pk=self.alert.pk).update(**form.cleaned_data):
            return gone(request)
        return self.manage_page(request, AlertSettingsForm(instance=self.alert), saved=True)


@method_decorator(csrf_exempt, name="dispatch")
class AlertUnsubscribeView(View):
    """GET/POST /alerts/<token>/unsubscribe/: the message's unsubscribe link (a page with one button) and its
    one-click POST. Stopping an alert already stopped says so (a mail program may post twice)."""

    def dispatch(self, request, token):
        if not Alert.is_signed(token):
            return gone(request)
        return super().dispatch(request, token)

    def get(self, request, token):
        alert = Alert.for_token(token)
        if alert is None:
            return self.done(request)
        return page(request, "unsubscribe.html", {"alert": alert, "selection": name_selection(alert)}, private=True)

    def post(self, request, token):
        alert = Alert.for_token(token)
        if alert is not None:
            alert.delete()
        return self.done(request)

    def done(self, request):
        return message_page(
            request, _("Unsubscribed"), _("You will receive no more messages from this alert. Its address is deleted.")
        )
