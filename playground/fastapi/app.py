# The vendor page's FastAPI token route (Step 1, "Python / FastAPI") as printed, with three changes: Widgent's URL
# comes from WIDGENT_API_URL (the emulator here), get_current_user reads the demo backend's session, and the answers
# say `Cache-Control: no-store`, as the kit's contract asks (the root README's "Your token route, in any language").
import os, requests
from types import SimpleNamespace
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

app = FastAPI()

WIDGENT_API_URL = os.environ.get("WIDGENT_API_URL", "https://api.widgent.app").rstrip("/")
BACKEND_URL = os.environ["BACKEND_URL"]
NO_STORE = {"Cache-Control": "no-store"}


def get_current_user(request: Request):
    # The session is the demo backend's cookie, shared with the playground's other apps: ask the backend whose it is,
    # as an app whose auth is a service of its own would.
    session = requests.get(f"{BACKEND_URL}/api/session", headers={"cookie": request.headers.get("cookie", "")}, timeout=10)
    session.raise_for_status()
    user = session.json()["user"]
    if user is None:
        raise HTTPException(401, "Not signed in: sign in, then ask for a Widgent token again.", headers=NO_STORE)
    # The demo users have no plan of their own; the example sends one.
    return SimpleNamespace(id=user["id"], name=user["name"], plan="demo")


@app.get("/api/widgent-token")
def widgent_token(current_user = Depends(get_current_user)):
    response = requests.post(f"{WIDGENT_API_URL}/v1/auth/user-token", json={
        "productId": os.environ["WIDGENT_PRODUCT_ID"],
        "verificationSecret": os.environ["WIDGENT_VERIFICATION_SECRET"],
        "userId": str(current_user.id),
        "name": current_user.name,
        "metadata": {"plan": current_user.plan},
    })
    response.raise_for_status()
    return JSONResponse(response.json(), headers=NO_STORE)
