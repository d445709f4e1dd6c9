"""A node of the local cluster (bench/cluster start) is killed with SIGKILL under ingest load.

Six clients send batches of 50 events round-robin to the nodes and remember every message id a node acknowledged
with 200; once N are acknowledged, node 2 gets SIGKILL and the clients go on with the others for 15 seconds. Then it
waits until the survivors have taken over node 2's partitions and the processors have caught up, and checks in
PostgreSQL that every acknowledged event is in the log exactly once and that the profile-activity processor counted
each stored event once. Last line: cluster-kill: acknowledged=… stored_once=… missing=… duplicated=… counted=… ok=…
"""
import base64, json, os, signal, subprocess, sys, threading, time, urllib.request

work, first_port, pg_port, target = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
ports = [first_port, first_port + 1, first_port + 2]
key = base64.b64encode(b"wk_local_cluster_0123456789:").decode()
run = str(int(time.time()))
acknowledged, lock, stopping = set(), threading.Lock(), threading.Event()


def client(number):
    batch_number = 0
    while not stopping.is_set():
        port = ports[(number + batch_number) % len(ports)]
        ids = [f"kill-{run}-{number}-{batch_number}-{i}" for i in range(50)]
        events = []
        for i, message_id in enumerate(ids):
            person = (number * 1000 + batch_number * 7 + i) % 400
            anonymous = f"a{run}-{person}-{port}"
            if i % 10 == 0:
                events.append({"type": "identify", "userId": f"u{run}-{person}", "anonymousId": anonymous,
                               "messageId": message_id})
            else:
                events.append({"type": "track", "anonymousId": anonymous, "event": "Tap", "messageId": message_id})
        request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/batch",
                                         data=json.dumps({"batch": events}).encode(),
                                         headers={"Authorization": "Basic " + key,
                                                  "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                if response.status == 200:
                    with lock:
                        acknowledged.update(ids)
        except Exception:
            pass  # a killed node, or a refusal: not acknowledged
        batch_number += 1


def psql(sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", pg_port, "-U", "postgres", "-d", "postgres", "-qAt"],
                          input=sql, capture_output=True, text=True, check=True).stdout.strip()


clients = [threading.Thread(target=client, args=(n,)) for n in range(6)]
for thread in clients:
    thread.start()
while len(acknowledged) < target:
    time.sleep(0.1)
with open(os.path.join(work, "node-2.pid")) as pid_file:
    os.kill(int(pid_file.read()), signal.SIGKILL)
print(f"node 2 killed with {len(acknowledged)} events acknowledged", flush=True)
time.sleep(15)
stopping.set()
for thread in clients:
    thread.join()

ids = "\n".join(sorted(acknowledged))
check = f"""CREATE TEMP TABLE acked (m text); COPY acked FROM STDIN;
{ids}
\\.
SELECT (SELECT count(*) FROM acked) || ' ' ||
       (SELECT count(DISTINCT e.message_id) FROM events.event e JOIN acked a ON a.m = e.message_id) || ' ' ||
       (SELECT count(*) FROM events.event e JOIN acked a ON a.m = e.message_id);"""
deadline = time.time() + 180
while True:
    total, present, rows = map(int, psql(check).split())
    caught_up = psql("""SELECT (SELECT coalesce(max(seq), 0) FROM events.event)
                            = (SELECT min(seq) FROM events.processor_offset)""") == "t"
    if (present == total and caught_up) or time.time() > deadline:
        break
    time.sleep(2)
counted = psql("""SELECT coalesce(sum(a.events), 0) FROM customers.channel_activity a
                  JOIN customers.profile p ON p.id = a.profile_id
                  WHERE a.channel <> 'platform' AND p.merged_into IS NULL""")
stored = psql("""SELECT count(*) FROM events.event e JOIN customers.profile p ON p.id = e.profile_id
                 WHERE e.source_id <> '00000000-0000-0000-0000-000000000000' AND p.merged_into IS NULL""")
ok = present == total and rows == present and counted == stored
print(f"cluster-kill: acknowledged={total} stored_once={present} missing={total - present} "
      f"duplicated={rows - present} counted={counted} stored={stored} ok={str(ok).lower()}")
sys.exit(0 if ok else 1)
