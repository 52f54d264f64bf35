import { serve } from "./server";

await serve("server-a", "tcp://127.0.0.1:5555", 3); // dies after 3 requests
