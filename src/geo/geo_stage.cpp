// stage geo: sources arrive here
