import { serve } from "./server";

await serve("server-c", "tcp://127.0.0.1:5557", 3); // dies after 3 requests
