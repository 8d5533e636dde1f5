#!/usr/bin/env python3
"""Demo only: the demo wristbands report the last half hour, so that the console's map, track playback and vitals
charts have something to show. Each worn demo device uploads 30 messages (one a minute, ending now) over HTTPS as a
real wristband would (its secret from data/demo/credentials.json): a short walk around the wearer's home, strap
closed, with heart rate, SpO2, skin temperature and steps. Standard library only.

    python3 scripts/demo-wristbands.py [--url http://localhost:5080] [--credentials data/demo/credentials.json] [--tamper]

--tamper ends the first device's walk with a cut strap (a critical alert on the console).
"""
import argparse, base64, datetime, hashlib, hmac, json, math, random, struct, time, urllib.request


def call(url, body=None, token=None):
    request = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(), method="GET" if body is None else "POST")
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def totp(secret, at):
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--url", default="http://localhost:5080")
    args.add_argument("--credentials", default="data/demo/credentials.json")
    args.add_argument("--tamper", action="store_true")
    options = args.parse_args()
    credentials = json.load(open(options.credentials, encoding="utf-8"))
    api = options.url.rstrip("/") + "/api/v1"

    # The national supervisor reads everyone's residence (an audited read, as any officer's).
    officer = next(o for o in credentials["officers"] if o["username"] == "c04.supervisor")
    step = call(f"{api}/auth/login", {"username": officer["username"], "password": officer["password"]})
    token = call(f"{api}/auth/second-factor", {"secondFactorToken": step["secondFactorToken"], "code": totp(officer["totpSecret"], time.time())})["accessToken"]

    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    seq_base = int(now.timestamp())
    worn = [d for d in credentials["devices"] if d.get("personId")]
    for n, device in enumerate(worn):
        person = call(f"{api}/persons/{device['personId']}", token=token)
        lat0, lon0 = person["residenceLat"], person["residenceLon"]
        rng = random.Random(device["deviceId"])
        phase, messages = rng.random() * math.tau, []
        for i in range(30):
            angle = phase + i / 5
            metres = 60 * math.sin(i / 9)  # stays well inside the 150 m residence circle
            cut = options.tamper and n == 0 and i == 29
            messages.append({
                "seq": seq_base + i,
                "t": (now - datetime.timedelta(minutes=29 - i)).isoformat().replace("+00:00", "Z"),
                "fix": {"lat": round(lat0 + metres * math.cos(angle) / 111_320, 6),
                        "lon": round(lon0 + metres * math.sin(angle) / (111_320 * math.cos(math.radians(lat0))), 6), "acc": 8},
                "bat": {"pct": 90 - i // 3},
                "wear": {"strap": "cut" if cut else "closed", "skin": True, "case": "closed"},
                "vitals": {"hr": 62 + rng.randint(0, 25), "spo2": 95 + rng.randint(0, 4), "temp": round(33 + rng.random(), 1)},
                "motion": {"steps": i * rng.randint(40, 90), "act": round(rng.random() * 0.6, 2)},
            })
        result = call(f"{api}/devices/{device['deviceId']}/telemetry", messages, token=device["secret"])
        print(f"{device['deviceId']}: {result['accepted']} accepted, {result['duplicates']} duplicates, {result['rejected']} rejected")


if __name__ == "__main__":
    main()
